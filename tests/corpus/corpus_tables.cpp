#include "corpus_tables.hpp"

#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace hillcoach::test {
namespace {
std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out;
    std::string cell;
    std::istringstream in(line);
    while (std::getline(in, cell, '\t')) out.push_back(cell);
    if (!line.empty() && line.back() == '\t') out.emplace_back();
    return out;
}
}  // namespace

std::vector<TsvRow> read_tsv(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path.string());
    std::string line;
    if (!std::getline(in, line)) return {};
    const auto header = split_tabs(line);
    std::vector<TsvRow> rows;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto cells = split_tabs(line);
        TsvRow row;
        for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = i < cells.size() ? cells[i] : "";
        rows.push_back(std::move(row));
    }
    return rows;
}

std::optional<double> tsv_number(const TsvRow& row, const std::string& column) {
    const auto it = row.find(column);
    if (it == row.end() || it->second.empty()) return std::nullopt;
    double v = 0.0;
    const auto& s = it->second;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || ptr != s.data() + s.size()) return std::nullopt;
    return v;
}

std::string tsv_text(const TsvRow& row, const std::string& column) {
    const auto it = row.find(column);
    return it == row.end() ? std::string() : it->second;
}

}  // namespace hillcoach::test
