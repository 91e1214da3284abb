#include "hillcoach/synth/course_text.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

namespace hillcoach::synth {
namespace {

struct Token {
    enum class Type { word, number, open, close, separator, end };
    Type type = Type::end;
    std::string_view text{};
    std::size_t line = 1;
    std::size_t column = 1;
};

// Splits the text into words, numbers (with their sign and unit attached: "+120", "1.5km", "7%"), braces and
// separators (";" or a newline). "#" comments run to the end of the line.
class Lexer {
  public:
    explicit Lexer(std::string_view text) : m_text(text) {}

    Token next() {
        skip_blanks_and_comments();
        Token token{.type = Token::Type::end, .text = {}, .line = m_line, .column = m_column};
        if (m_pos >= m_text.size()) return token;
        const char c = m_text[m_pos];
        const std::size_t start = m_pos;
        if (c == ';' || c == '\n' || c == '{' || c == '}') {
            advance();
            token.type = c == '{'   ? Token::Type::open
                         : c == '}' ? Token::Type::close
                                    : Token::Type::separator;
        } else if (is_letter(c)) {
            while (m_pos < m_text.size() && is_letter(m_text[m_pos])) advance();
            token.type = Token::Type::word;
        } else {
            // A number, or anything else up to the next blank or punctuation: the parser names what it
            // expected.
            while (m_pos < m_text.size() && !is_boundary(m_text[m_pos])) advance();
            if (m_pos == start) advance();
            token.type = Token::Type::number;
        }
        token.text = m_text.substr(start, m_pos - start);
        return token;
    }

  private:
    static bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
    static bool is_boundary(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '{' || c == '}' ||
               c == '#';
    }
    void advance() {
        if (m_text[m_pos] == '\n') {
            ++m_line;
            m_column = 1;
        } else {
            ++m_column;
        }
        ++m_pos;
    }
    void skip_blanks_and_comments() {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == ' ' || c == '\t' || c == '\r') {
                advance();
            } else if (c == '#') {
                while (m_pos < m_text.size() && m_text[m_pos] != '\n') advance();
            } else {
                break;
            }
        }
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
    std::size_t m_column = 1;
};

// A number with its unit split off: "+1.5km" gives value 1.5, sign_written true, unit "km".
struct Quantity {
    double value = 0.0;
    bool sign_written = false;
    std::string_view unit{};
};

std::optional<Quantity> split_quantity(std::string_view text) {
    Quantity q;
    std::size_t pos = 0;
    bool negative = false;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        negative = text[0] == '-';
        q.sign_written = true;
        pos = 1;
    }
    const char* first = text.data() + pos;
    const char* last = text.data() + text.size();
    double magnitude = 0.0;
    const auto [end, ec] = std::from_chars(first, last, magnitude, std::chars_format::fixed);
    if (ec != std::errc{} || end == first || !std::isfinite(magnitude)) return std::nullopt;
    q.value = negative ? -magnitude : magnitude;
    q.unit = std::string_view(end, static_cast<std::size_t>(last - end));
    return q;
}

constexpr std::array k_effort_names{std::pair{"easy", Effort::easy}, std::pair{"tempo", Effort::tempo},
                                    std::pair{"hard", Effort::hard}, std::pair{"sprint", Effort::sprint},
                                    std::pair{"jog", Effort::jog},   std::pair{"walk", Effort::walk}};

bool is_statement_word(std::string_view word) {
    return word == "flat" || word == "up" || word == "down" || word == "stop" || word == "turn" ||
           word == "repeat";
}

class Parser {
  public:
    explicit Parser(std::string_view text) : m_lexer(text) { m_token = m_lexer.next(); }

    core::Expected<std::vector<Statement>> parse() {
        auto statements = parse_sequence(0);
        if (!statements) return statements;
        if (m_token.type == Token::Type::close)
            return fail(m_token, "unexpected '}' with no repeat to close");
        if (statements->empty())
            return fail(m_token, "the course is empty: write at least one stretch, e.g. 'flat 1000'");
        if (auto checked = check_totals(*statements); !checked) return checked.error();
        return statements;
    }

  private:
    using Statements = core::Expected<std::vector<Statement>>;

    core::Error fail(const Token& at, std::string reason) const {
        return core::make_error(
            core::ErrorCode::invalid_argument,
            core::Location{
                .file = "course", .entry = {}, .line = at.line, .column = at.column, .byte_offset = {}},
            std::move(reason));
    }

    void advance() { m_token = m_lexer.next(); }

    // Statements up to the end of the text or a closing brace (left for the caller).
    Statements parse_sequence(int depth) {
        std::vector<Statement> out;
        while (true) {
            while (m_token.type == Token::Type::separator) advance();
            if (m_token.type == Token::Type::end || m_token.type == Token::Type::close) return out;
            auto statement = parse_statement(depth);
            if (!statement) return statement.error();
            out.push_back(std::move(*statement));
            if (m_token.type != Token::Type::separator && m_token.type != Token::Type::end &&
                m_token.type != Token::Type::close) {
                return fail(m_token, fmt::format("expected ';' before '{}'", m_token.text));
            }
        }
    }

    core::Expected<Statement> parse_statement(int depth) {
        const Token head = m_token;
        if (head.type != Token::Type::word) {
            return fail(head,
                        fmt::format("expected a statement (flat, up, down, stop, turn or repeat), found '{}'",
                                    head.type == Token::Type::open ? std::string_view("{") : head.text));
        }
        Statement s{.line = head.line, .column = head.column};
        advance();
        if (head.text == "flat") return parse_stretch(head, StatementKind::flat, s);
        if (head.text == "up") return parse_stretch(head, StatementKind::up, s);
        if (head.text == "down") return parse_stretch(head, StatementKind::down, s);
        if (head.text == "stop") return parse_stop(s);
        if (head.text == "turn") return parse_turn(head, s);
        if (head.text == "repeat") return parse_repeat(head, s, depth);
        return fail(
            head,
            fmt::format("unknown statement '{}' (expected flat, up, down, stop, turn or repeat)", head.text));
    }

    core::Expected<double> parse_length(const Token& head) {
        const Token t = m_token;
        const auto q = t.type == Token::Type::number ? split_quantity(t.text) : std::nullopt;
        if (!q || q->sign_written) {
            return fail(t, fmt::format("'{}' needs a length in metres, e.g. '{} 1000' or '{} 1.5km'",
                                       head.text, head.text, head.text));
        }
        double metres = q->value;
        if (q->unit == "km") {
            metres *= 1000.0;
        } else if (!q->unit.empty() && q->unit != "m") {
            return fail(t, fmt::format("unknown unit '{}' in '{}' (lengths take m or km)", q->unit, t.text));
        }
        if (!(metres > 0.0) || metres > k_max_course_length_m) {
            return fail(t, fmt::format("a length must be more than 0 and at most {:.0f} km",
                                       k_max_course_length_m / 1000.0));
        }
        advance();
        return metres;
    }

    // "+12" / "-80" (metres, sign required) or "7%" / "-7%" (grade); the direction comes from the statement.
    core::Expected<double> parse_rise(const Token& head, double length_m, bool up) {
        const Token t = m_token;
        const auto example =
            up ? std::string_view("+120 or a grade like 7%") : std::string_view("-80 or a grade like -7%");
        const auto q = t.type == Token::Type::number ? split_quantity(t.text) : std::nullopt;
        if (!q)
            return fail(t, fmt::format("'{}' needs a {} like {}", head.text, up ? "rise" : "drop", example));
        double rise = 0.0;
        if (q->unit == "%") {
            if ((up && q->value < 0.0) || (!up && q->sign_written && q->value > 0.0)) {
                return fail(t, fmt::format("'{}' cannot take the grade '{}'", head.text, t.text));
            }
            rise = std::abs(q->value) / 100.0 * length_m;
        } else if (q->unit.empty() || q->unit == "m") {
            if (!q->sign_written || (up && q->value < 0.0) || (!up && q->value > 0.0)) {
                return fail(t, fmt::format("'{}' needs a {} like {}, found '{}'", head.text,
                                           up ? "rise" : "drop", example, t.text));
            }
            rise = std::abs(q->value);
        } else {
            return fail(t, fmt::format("unknown unit '{}' in '{}' (a rise takes m or %)", q->unit, t.text));
        }
        if (!(rise > 0.0))
            return fail(t, fmt::format("'{}' needs a {} above 0; use 'flat' for level ground", head.text,
                                       up ? "rise" : "drop"));
        if (rise / length_m > k_max_grade) {
            return fail(
                t, fmt::format("{:.0f} m over {:.0f} m is a grade of {:.0f}%, steeper than the {:.0f}% the "
                               "runner model covers",
                               rise, length_m, 100.0 * rise / length_m, 100.0 * k_max_grade));
        }
        advance();
        return up ? rise : -rise;
    }

    // An effort word after a stretch, if any. A statement word there is a missing ';' (reported by the
    // caller).
    core::Expected<Effort> parse_effort() {
        if (m_token.type != Token::Type::word || is_statement_word(m_token.text)) return Effort::automatic;
        for (const auto& [name, effort] : k_effort_names) {
            if (m_token.text == name) {
                advance();
                return effort;
            }
        }
        return fail(m_token,
                    fmt::format("unknown effort '{}' (expected easy, tempo, hard, sprint, jog or walk)",
                                m_token.text));
    }

    core::Expected<Statement> parse_stretch(const Token& head, StatementKind kind, Statement s) {
        s.kind = kind;
        auto length = parse_length(head);
        if (!length) return length.error();
        s.length_m = *length;
        if (kind != StatementKind::flat) {
            auto rise = parse_rise(head, s.length_m, kind == StatementKind::up);
            if (!rise) return rise.error();
            s.rise_m = *rise;
        } else if (m_token.type == Token::Type::number) {
            return fail(m_token,
                        fmt::format("'flat' takes only a length; use 'up' or 'down' for '{}'", m_token.text));
        }
        auto effort = parse_effort();
        if (!effort) return effort.error();
        s.effort = *effort;
        return s;
    }

    core::Expected<Statement> parse_stop(Statement s) {
        s.kind = StatementKind::stop;
        const Token t = m_token;
        const auto q = t.type == Token::Type::number ? split_quantity(t.text) : std::nullopt;
        if (!q || q->sign_written) return fail(t, "'stop' needs a duration, e.g. 'stop 60' or 'stop 2min'");
        double seconds = q->value;
        if (q->unit == "min") {
            seconds *= 60.0;
        } else if (!q->unit.empty() && q->unit != "s") {
            return fail(t, fmt::format("unknown unit '{}' in '{}' (a stop takes s or min)", q->unit, t.text));
        }
        if (!(seconds > 0.0) || seconds > k_max_stop_s)
            return fail(t, "a stop must last more than 0 s and at most 24 h");
        s.duration_s = seconds;
        advance();
        return s;
    }

    core::Expected<Statement> parse_turn(const Token& head, Statement s) {
        s.kind = StatementKind::turn;
        const Token t = m_token;
        if (t.type == Token::Type::word) {
            if (t.text == "left")
                s.turn_deg = -90.0;
            else if (t.text == "right")
                s.turn_deg = 90.0;
            else if (t.text == "around")
                s.turn_deg = 180.0;
            else
                return fail(t, fmt::format("unknown direction '{}' (expected left, right, around or degrees)",
                                           t.text));
            advance();
            return s;
        }
        const auto q = t.type == Token::Type::number ? split_quantity(t.text) : std::nullopt;
        if (!q || !(q->unit.empty() || q->unit == "deg")) {
            return fail(
                t,
                fmt::format("'{}' needs an angle in degrees (positive to the right) or left, right, around",
                            head.text));
        }
        if (!(std::abs(q->value) < 360.0)) return fail(t, "a turn must be less than 360 degrees either way");
        s.turn_deg = q->value;
        advance();
        return s;
    }

    core::Expected<Statement> parse_repeat(const Token& head, Statement s, int depth) {
        s.kind = StatementKind::repeat;
        const Token t = m_token;
        const auto q = t.type == Token::Type::number ? split_quantity(t.text) : std::nullopt;
        if (!q || q->sign_written || !q->unit.empty() || q->value != std::floor(q->value) || q->value < 1.0 ||
            q->value > k_max_repeat_count) {
            return fail(t, fmt::format("'repeat' needs a whole count from 1 to {}, e.g. 'repeat 6 {{ ... }}'",
                                       k_max_repeat_count));
        }
        if (depth + 1 > k_max_repeat_depth)
            return fail(head, fmt::format("repeats nest at most {} deep", k_max_repeat_depth));
        s.count = static_cast<int>(q->value);
        advance();
        if (m_token.type != Token::Type::open) return fail(m_token, "expected '{' after the repeat count");
        advance();
        auto body = parse_sequence(depth + 1);
        if (!body) return body.error();
        if (m_token.type != Token::Type::close) {
            return fail(m_token,
                        fmt::format("missing '}}' to close the repeat at {}:{}", head.line, head.column));
        }
        if (body->empty()) return fail(m_token, "a repeat needs at least one statement between '{' and '}'");
        advance();
        s.body = std::move(*body);
        return s;
    }

    struct Totals {
        double length_m = 0.0;
        double stop_s = 0.0;
        double stretches = 0.0;
    };

    static Totals totals_of(const std::vector<Statement>& statements) {
        Totals t;
        for (const Statement& s : statements) {
            if (s.kind == StatementKind::repeat) {
                const Totals body = totals_of(s.body);
                t.length_m += s.count * body.length_m;
                t.stop_s += s.count * body.stop_s;
                t.stretches += s.count * body.stretches;
            } else {
                t.length_m += s.length_m;
                t.stop_s += s.duration_s;
                t.stretches += 1.0;
            }
        }
        return t;
    }

    core::Expected<void> check_totals(const std::vector<Statement>& statements) const {
        const Totals t = totals_of(statements);
        const Token at{.type = Token::Type::end,
                       .text = {},
                       .line = statements.front().line,
                       .column = statements.front().column};
        if (t.length_m > k_max_course_length_m) {
            return fail(at, fmt::format("the course is {:.0f} km long, more than the {:.0f} km limit",
                                        t.length_m / 1000.0, k_max_course_length_m / 1000.0));
        }
        if (!(t.length_m > 0.0))
            return fail(at, "the course has no distance: add a flat, up or down stretch");
        if (t.stop_s > k_max_stop_s) return fail(at, "the stops add up to more than 24 h");
        if (t.stretches > static_cast<double>(k_max_stretches)) {
            return fail(at, fmt::format("the repeats unroll to more than {} statements", k_max_stretches));
        }
        return {};
    }

    Lexer m_lexer;
    Token m_token;
};

}  // namespace

std::string_view to_string(Effort effort) {
    switch (effort) {
        case Effort::automatic:
            return "automatic";
        case Effort::easy:
            return "easy";
        case Effort::tempo:
            return "tempo";
        case Effort::hard:
            return "hard";
        case Effort::sprint:
            return "sprint";
        case Effort::jog:
            return "jog";
        case Effort::walk:
            return "walk";
    }
    return "automatic";
}

std::string_view to_string(StatementKind kind) {
    switch (kind) {
        case StatementKind::flat:
            return "flat";
        case StatementKind::up:
            return "up";
        case StatementKind::down:
            return "down";
        case StatementKind::stop:
            return "stop";
        case StatementKind::turn:
            return "turn";
        case StatementKind::repeat:
            return "repeat";
    }
    return "flat";
}

core::Expected<std::vector<Statement>> parse_course_text(std::string_view text) {
    return Parser(text).parse();
}

}  // namespace hillcoach::synth
