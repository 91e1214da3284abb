#include "hillcoach/store/activity_rows.hpp"

#include <string>
#include <unordered_map>
#include <utility>

#include "hillcoach/store/names.hpp"

namespace hillcoach::store {
namespace {

// The columns of `activities` after id, in the order insert() binds and read_activities() reads them.
constexpr std::string_view k_activity_columns =
    "name, start_time, utc_offset_s, sport, session_type, session_reason, hill_focus, focus_reason, "
    "distance_m, moving_s, elapsed_s, ascent_m, descent_m, flat_equivalent_distance_m, avg_heart_rate_bpm, "
    "stress, stress_source, trimp, hr_tss, pace_tss, threshold_hr_bpm, threshold_speed_m_s, "
    "uphill_concentric_load, downhill_eccentric_load, "
    "has_longest_descent, longest_descent_drop_m, longest_descent_length_m, longest_descent_avg_grade, "
    "longest_descent_time_s, "
    "has_steepest_descent, steepest_descent_drop_m, steepest_descent_length_m, steepest_descent_avg_grade, "
    "steepest_descent_time_s, "
    "has_warmup, warmup_first_climb_start_m, warmup_moving_s, warmup_distance_m, warmup_easy_s, warmup_easy_m, "
    "warmup_avg_heart_rate_bpm, warmup_gap_speed_m_s, "
    "flat_race_pace_s, flat_race_pace_m, climb_count, muscle_group_count";
constexpr int k_activity_column_count = 46;

constexpr std::string_view k_climb_columns =
    "activity_id, seq, start_lat_deg, start_lon_deg, top_lat_deg, top_lon_deg, start_m, length_m, gain_m, "
    "avg_grade, max_grade, time_s, best_time_s, vam_m_h, avg_heart_rate_bpm, reps, back_to_back";
constexpr int k_climb_column_count = 17;

std::string placeholders(int count) {
    std::string text;
    for (int i = 0; i < count; ++i) text += i == 0 ? "?" : ", ?";
    return text;
}

// Prepares `statement` the first time it is needed.
core::Expected<void> prepare_once(Database& db, Statement& statement, const std::string& sql) {
    if (!statement.is_prepared()) {
        auto prepared = db.prepare(sql);
        if (!prepared) return prepared.error();
        statement = std::move(*prepared);
    }
    return {};
}

// Binds a group of optional columns: a presence flag, then the members (NULL when absent).
int bind_descent(Statement& s, int i, const std::optional<training::DescentDigest>& d) {
    s.bind(i++, d.has_value());
    s.bind(i++, d ? std::optional(d->drop_m) : std::nullopt);
    s.bind(i++, d ? std::optional(d->length_m) : std::nullopt);
    s.bind(i++, d ? std::optional(d->avg_grade) : std::nullopt);
    s.bind(i++, d ? d->time_s : std::nullopt);
    return i;
}

int bind_warmup(Statement& s, int i, const std::optional<training::WarmUpDigest>& w) {
    s.bind(i++, w.has_value());
    s.bind(i++, w ? std::optional(w->first_climb_start_m) : std::nullopt);
    s.bind(i++, w ? std::optional(w->moving_s) : std::nullopt);
    s.bind(i++, w ? std::optional(w->distance_m) : std::nullopt);
    s.bind(i++, w ? std::optional(w->easy_s) : std::nullopt);
    s.bind(i++, w ? std::optional(w->easy_m) : std::nullopt);
    s.bind(i++, w ? w->avg_heart_rate_bpm : std::nullopt);
    s.bind(i++, w ? w->gap_speed_m_s : std::nullopt);
    return i;
}

std::optional<training::DescentDigest> read_descent(const Statement& s, int& c) {
    const bool present = s.integer(c++) != 0;
    training::DescentDigest d{.drop_m = s.real(c), .length_m = s.real(c + 1), .avg_grade = s.real(c + 2),
                              .time_s = s.optional_real(c + 3)};
    c += 4;
    return present ? std::optional(d) : std::nullopt;
}

std::optional<training::WarmUpDigest> read_warmup(const Statement& s, int& c) {
    const bool present = s.integer(c++) != 0;
    training::WarmUpDigest w{.first_climb_start_m = s.real(c),
                             .moving_s = s.real(c + 1),
                             .distance_m = s.real(c + 2),
                             .easy_s = s.real(c + 3),
                             .easy_m = s.real(c + 4),
                             .avg_heart_rate_bpm = s.optional_real(c + 5),
                             .gap_speed_m_s = s.optional_real(c + 6)};
    c += 7;
    return present ? std::optional(w) : std::nullopt;
}

std::optional<int> optional_int(const Statement& s, int column) {
    const std::optional<std::int64_t> v = s.optional_integer(column);
    return v ? std::optional(static_cast<int>(*v)) : std::nullopt;
}

// The parent row's columns; the child counts go to `climbs` and `muscles`.
StoredActivity read_activity_row(const Statement& s, std::int64_t& climbs, std::int64_t& muscles) {
    StoredActivity a;
    training::ActivityDigest& d = a.digest;
    int c = 0;
    d.id = core::ActivityId{s.integer(c++)};
    d.name = s.text(c++);
    d.start_time_s = s.optional_real(c++);
    d.utc_offset_s = optional_int(s, c++);
    d.sport = sport_from_name(s.text(c++)).value_or(core::Sport::unknown);
    d.session_type = session_type_from_name(s.text(c++)).value_or(analysis::SessionType::unknown);
    a.session_reason = s.text(c++);
    d.hill_focus = training::hill_focus_from_text(s.text(c++)).value_or(training::HillFocus::none);
    d.focus_reason = s.text(c++);
    d.distance_m = s.real(c++);
    d.moving_s = s.optional_real(c++);
    d.elapsed_s = s.optional_real(c++);
    d.ascent_m = s.optional_real(c++);
    d.descent_m = s.optional_real(c++);
    d.flat_equivalent_distance_m = s.optional_real(c++);
    d.avg_heart_rate_bpm = s.optional_real(c++);
    d.stress = s.optional_real(c++);
    d.stress_source = training::stress_source_from_text(s.text(c++)).value_or(training::StressSource::none);
    d.trimp = s.optional_real(c++);
    d.hr_tss = s.optional_real(c++);
    d.pace_tss = s.optional_real(c++);
    d.threshold_hr_bpm = s.optional_real(c++);
    d.threshold_speed_m_s = s.optional_real(c++);
    d.uphill_concentric_load = s.optional_real(c++);
    d.downhill_eccentric_load = s.optional_real(c++);
    d.longest_descent = read_descent(s, c);
    d.steepest_descent = read_descent(s, c);
    d.warmup = read_warmup(s, c);
    d.flat_race_pace_s = s.optional_real(c++);
    d.flat_race_pace_m = s.optional_real(c++);
    climbs = s.integer(c++);
    muscles = s.integer(c++);
    return a;
}

std::optional<terrain::GeoPoint> read_point(const Statement& s, int column) {
    if (s.is_null(column) || s.is_null(column + 1)) return std::nullopt;
    return terrain::GeoPoint{.latitude_deg = s.real(column), .longitude_deg = s.real(column + 1)};
}

training::ClimbDigest read_climb_row(const Statement& s) {
    // Column 0 is activity_id, 1 is seq.
    return {.start_position = read_point(s, 2),
            .top_position = read_point(s, 4),
            .start_m = s.real(6),
            .length_m = s.real(7),
            .gain_m = s.real(8),
            .avg_grade = s.real(9),
            .max_grade = s.real(10),
            .time_s = s.optional_real(11),
            .best_time_s = s.optional_real(12),
            .vam_m_h = s.optional_real(13),
            .avg_heart_rate_bpm = s.optional_real(14),
            .reps = static_cast<int>(s.integer(15)),
            .back_to_back = s.integer(16) != 0};
}

// The WHERE clause of a query over `activities` and its parameters, in binding order.
struct Filter {
    std::string where;
    std::vector<double> reals;     // bound first
    std::vector<std::string> texts;  // then these
    std::optional<std::int64_t> id;  // then this
};

Filter filter_of(const ActivityQuery& q) {
    Filter f;
    std::vector<std::string> terms;
    if (q.from_s) {
        terms.push_back("start_time >= ?");
        f.reals.push_back(*q.from_s);
    }
    if (q.to_s) {
        terms.push_back("start_time < ?");
        f.reals.push_back(*q.to_s);
    }
    if (q.sport) {
        terms.push_back("sport = ?");
        f.texts.emplace_back(to_string(*q.sport));
    }
    if (q.session_type) {
        terms.push_back("session_type = ?");
        f.texts.emplace_back(to_string(*q.session_type));
    }
    if (q.id) {
        terms.push_back("id = ?");
        f.id = q.id->value;
    }
    for (std::size_t i = 0; i < terms.size(); ++i) f.where += (i == 0 ? " WHERE " : " AND ") + terms[i];
    return f;
}

void bind_filter(Statement& s, const Filter& f) {
    int i = 1;
    for (double v : f.reals) s.bind(i++, v);
    for (const std::string& t : f.texts) s.bind(i++, t);
    if (f.id) s.bind(i++, *f.id);
}

core::Expected<void> read_sources(Database& db, const Filter& filter, const std::string& children_of,
                                  const std::unordered_map<std::int64_t, std::size_t>& index_of,
                                  std::vector<StoredActivity>& out) {
    auto s = db.prepare(
        "SELECT activity_id, content_hash, file_index, path, format, external_id, imported_at, import_id "
        "FROM activity_sources" + children_of + " ORDER BY activity_id, id");
    if (!s) return s.error();
    bind_filter(*s, filter);
    for (;;) {
        auto row = s->step();
        if (!row) return row.error();
        if (!*row) break;
        StoredActivity& a = out[index_of.at(s->integer(0))];
        if (a.sources.empty()) a.import_id = s->optional_integer(7);
        a.sources.push_back({.content_hash = s->text(1),
                             .file_index = static_cast<int>(s->integer(2)),
                             .path = s->text(3),
                             .format = s->text(4),
                             .external_id = s->text(5),
                             .imported_at_s = s->real(6)});
    }
    return {};
}

// The queries of one read see one snapshot: a SAVEPOINT opens a read transaction (or nests inside the
// caller's), so an import committing between the parent and the child queries cannot be seen half.
class ReadSnapshot {
public:
    explicit ReadSnapshot(Database& db) : m_db(db), m_open(db.execute("SAVEPOINT read_activities").has_value()) {}
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;
    ~ReadSnapshot() {
        if (m_open) (void)m_db.execute("RELEASE read_activities");
    }

private:
    Database& m_db;
    bool m_open = false;
};

core::Error damaged(const Database& db, std::int64_t id, std::string_view what, std::int64_t expected,
                    std::int64_t found) {
    core::Error e = db.error("damaged activity");
    e.reason = "activity " + std::to_string(id) + " is not whole: " + std::string(what) + " rows " +
               std::to_string(found) + ", expected " + std::to_string(expected);
    return e;
}

}  // namespace

core::Expected<core::ActivityId> ActivityWriter::insert(const training::ActivityDigest& d,
                                                        std::string_view session_reason) {
    if (auto r = prepare_once(*m_db, m_activity,
                              "INSERT INTO activities (" + std::string(k_activity_columns) + ") VALUES (" +
                                  placeholders(k_activity_column_count) + ")");
        !r) {
        return r.error();
    }
    Statement& s = m_activity;
    int i = 1;
    s.bind(i++, d.name);
    s.bind(i++, d.start_time_s);
    s.bind(i++, d.utc_offset_s);
    s.bind(i++, to_string(d.sport));
    s.bind(i++, to_string(d.session_type));
    s.bind(i++, session_reason);
    s.bind(i++, training::to_string(d.hill_focus));
    s.bind(i++, d.focus_reason);
    s.bind(i++, d.distance_m);
    s.bind(i++, d.moving_s);
    s.bind(i++, d.elapsed_s);
    s.bind(i++, d.ascent_m);
    s.bind(i++, d.descent_m);
    s.bind(i++, d.flat_equivalent_distance_m);
    s.bind(i++, d.avg_heart_rate_bpm);
    s.bind(i++, d.stress);
    s.bind(i++, training::to_string(d.stress_source));
    s.bind(i++, d.trimp);
    s.bind(i++, d.hr_tss);
    s.bind(i++, d.pace_tss);
    s.bind(i++, d.threshold_hr_bpm);
    s.bind(i++, d.threshold_speed_m_s);
    s.bind(i++, d.uphill_concentric_load);
    s.bind(i++, d.downhill_eccentric_load);
    i = bind_descent(s, i, d.longest_descent);
    i = bind_descent(s, i, d.steepest_descent);
    i = bind_warmup(s, i, d.warmup);
    s.bind(i++, d.flat_race_pace_s);
    s.bind(i++, d.flat_race_pace_m);
    s.bind(i++, static_cast<std::int64_t>(d.climbs.size()));
    s.bind(i++, static_cast<std::int64_t>(d.muscle_load ? physiology::k_muscle_group_count : 0));
    if (auto r = s.run(); !r) return r.error();
    const core::ActivityId id{m_db->last_insert_rowid()};
    if (auto r = insert_climbs(id, d.climbs); !r) return r.error();
    if (d.muscle_load) {
        if (auto r = insert_muscles(id, *d.muscle_load); !r) return r.error();
    }
    return id;
}

core::Expected<void> ActivityWriter::insert_climbs(core::ActivityId id,
                                                   const std::vector<training::ClimbDigest>& climbs) {
    if (climbs.empty()) return {};
    if (auto r = prepare_once(*m_db, m_climb,
                              "INSERT INTO climbs (" + std::string(k_climb_columns) + ") VALUES (" +
                                  placeholders(k_climb_column_count) + ")");
        !r) {
        return r;
    }
    Statement& s = m_climb;
    for (std::size_t k = 0; k < climbs.size(); ++k) {
        const training::ClimbDigest& c = climbs[k];
        int i = 1;
        s.bind(i++, id.value);
        s.bind(i++, static_cast<std::int64_t>(k));
        s.bind(i++, c.start_position ? std::optional(c.start_position->latitude_deg) : std::nullopt);
        s.bind(i++, c.start_position ? std::optional(c.start_position->longitude_deg) : std::nullopt);
        s.bind(i++, c.top_position ? std::optional(c.top_position->latitude_deg) : std::nullopt);
        s.bind(i++, c.top_position ? std::optional(c.top_position->longitude_deg) : std::nullopt);
        s.bind(i++, c.start_m);
        s.bind(i++, c.length_m);
        s.bind(i++, c.gain_m);
        s.bind(i++, c.avg_grade);
        s.bind(i++, c.max_grade);
        s.bind(i++, c.time_s);
        s.bind(i++, c.best_time_s);
        s.bind(i++, c.vam_m_h);
        s.bind(i++, c.avg_heart_rate_bpm);
        s.bind(i++, c.reps);
        s.bind(i++, c.back_to_back);
        if (auto r = s.run(); !r) return r;
    }
    return {};
}

core::Expected<void> ActivityWriter::insert_muscles(core::ActivityId id, const physiology::MuscleProfile& load) {
    if (auto r = prepare_once(*m_db, m_muscle,
                              "INSERT INTO muscle_loads (activity_id, muscle, concentric, eccentric) "
                              "VALUES (?, ?, ?, ?)");
        !r) {
        return r;
    }
    for (physiology::MuscleGroup g : physiology::k_muscle_groups) {
        m_muscle.bind(1, id.value).bind(2, physiology::to_string(g));
        m_muscle.bind(3, load.concentric_of(g)).bind(4, load.eccentric_of(g));
        if (auto r = m_muscle.run(); !r) return r;
    }
    return {};
}

core::Expected<void> ActivityWriter::add_source(core::ActivityId activity, const SourceFile& source,
                                                std::optional<std::int64_t> import_id) {
    if (auto r = prepare_once(*m_db, m_source,
                              "INSERT INTO activity_sources (activity_id, content_hash, file_index, path, format, "
                              "external_id, imported_at, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        !r) {
        return r;
    }
    m_source.bind(1, activity.value).bind(2, source.content_hash).bind(3, source.file_index);
    m_source.bind(4, source.path).bind(5, source.format).bind(6, source.external_id);
    m_source.bind(7, source.imported_at_s).bind(8, import_id);
    return m_source.run();
}

core::Expected<std::vector<StoredActivity>> read_activities(Database& db, const ActivityQuery& query) {
    const Filter filter = filter_of(query);
    const ReadSnapshot snapshot(db);
    auto parents = db.prepare("SELECT id, " + std::string(k_activity_columns) + " FROM activities" +
                              filter.where + " ORDER BY start_time, id");
    if (!parents) return parents.error();
    bind_filter(*parents, filter);
    std::vector<StoredActivity> out;
    std::vector<std::pair<std::int64_t, std::int64_t>> counts;  // climbs, muscle groups expected
    std::unordered_map<std::int64_t, std::size_t> index_of;
    for (;;) {
        auto row = parents->step();
        if (!row) return row.error();
        if (!*row) break;
        std::int64_t climbs = 0, muscles = 0;
        out.push_back(read_activity_row(*parents, climbs, muscles));
        counts.emplace_back(climbs, muscles);
        index_of.emplace(out.back().digest.id.value, out.size() - 1);
    }
    if (out.empty()) return out;

    const std::string children_of = " WHERE activity_id IN (SELECT id FROM activities" + filter.where + ")";
    auto climbs = db.prepare("SELECT " + std::string(k_climb_columns) + " FROM climbs" + children_of +
                             " ORDER BY activity_id, seq");
    if (!climbs) return climbs.error();
    bind_filter(*climbs, filter);
    for (;;) {
        auto row = climbs->step();
        if (!row) return row.error();
        if (!*row) break;
        out[index_of.at(climbs->integer(0))].digest.climbs.push_back(read_climb_row(*climbs));
    }
    auto muscles =
        db.prepare("SELECT activity_id, muscle, concentric, eccentric FROM muscle_loads" + children_of);
    if (!muscles) return muscles.error();
    bind_filter(*muscles, filter);
    std::vector<std::int64_t> muscle_rows(out.size(), 0);
    for (;;) {
        auto row = muscles->step();
        if (!row) return row.error();
        if (!*row) break;
        const std::size_t k = index_of.at(muscles->integer(0));
        const std::optional<physiology::MuscleGroup> g = muscle_group_from_name(muscles->text(1));
        ++muscle_rows[k];
        if (!g) continue;  // a group a newer hillcoach added
        auto& load = out[k].digest.muscle_load;
        if (!load) load.emplace();
        load->concentric[static_cast<std::size_t>(*g)] = muscles->real(2);
        load->eccentric[static_cast<std::size_t>(*g)] = muscles->real(3);
    }
    if (query.with_sources) {
        if (auto r = read_sources(db, filter, children_of, index_of, out); !r) return r.error();
    }
    for (std::size_t k = 0; k < out.size(); ++k) {
        const std::int64_t id = out[k].digest.id.value;
        const auto found = static_cast<std::int64_t>(out[k].digest.climbs.size());
        if (found != counts[k].first) return damaged(db, id, "climb", counts[k].first, found);
        if (muscle_rows[k] != counts[k].second) return damaged(db, id, "muscle load", counts[k].second, muscle_rows[k]);
    }
    return out;
}

}  // namespace hillcoach::store
