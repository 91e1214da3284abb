#include "app/server/activity_library.hpp"

#include <algorithm>
#include <cctype>

#include "hillcoach/report/activity_report.hpp"

namespace hillcoach::app::server {
namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

bool matches(const LibraryEntry& entry, const ActivityFilter& filter) {
    const auto& m = entry.activity.metadata;
    if (filter.session && entry.analysis.session.type != *filter.session) return false;
    if (filter.sport && m.sport != *filter.sport) return false;
    if (filter.from_s && !(m.start_time_s && *m.start_time_s >= *filter.from_s)) return false;
    if (filter.to_s && !(m.start_time_s && *m.start_time_s < *filter.to_s)) return false;
    if (filter.min_ascent_m) {
        const auto& ascent = entry.analysis.summary.ascent_m;
        if (!(ascent && *ascent >= *filter.min_ascent_m)) return false;
    }
    if (!filter.text.empty()) {
        const std::string needle = lower(filter.text);
        const std::string haystack =
            lower(report::activity_title(entry.activity)) + "\n" + lower(m.source_path);
        if (haystack.find(needle) == std::string::npos) return false;
    }
    return true;
}

ActivityLibrary::Added ActivityLibrary::add(core::Activity activity, analysis::ActivityAnalysis analysis,
                                            int file_index, std::optional<std::int64_t> id) {
    const std::string identity = activity.metadata.content_hash + "#" + std::to_string(file_index);
    const bool has_identity = !activity.metadata.content_hash.empty();
    training::ActivityDigest digest = training::make_digest(analysis);  // outside the lock: it reads the course
    std::lock_guard lock(m_mutex);
    if (has_identity) {
        const auto it = m_by_identity.find(identity);
        if (it != m_by_identity.end()) return {.id = it->second, .is_new = false};
    }
    if (id) {
        // The store said which activity this is (an upload of a run stored from another file): one entry.
        const auto known = m_by_id.find(*id);
        if (known != m_by_id.end()) {
            if (has_identity) m_by_identity.emplace(identity, *id);
            return {.id = *id, .is_new = false};
        }
    }
    auto entry = std::make_shared<LibraryEntry>();
    entry->id = id ? *id : m_last_id + 1;
    m_last_id = std::max(m_last_id, entry->id);
    entry->activity = std::move(activity);
    entry->analysis = std::move(analysis);
    entry->digest = std::move(digest);
    entry->digest.id = core::ActivityId{entry->id};
    if (entry->digest.name.empty()) entry->digest.name = report::activity_title(entry->activity);
    m_by_id.emplace(entry->id, m_entries.size());
    m_entries.push_back(entry);
    if (has_identity) m_by_identity.emplace(identity, entry->id);
    return {.id = entry->id, .is_new = true};
}

std::shared_ptr<const LibraryEntry> ActivityLibrary::find(std::int64_t id) const {
    std::lock_guard lock(m_mutex);
    const auto it = m_by_id.find(id);
    return it == m_by_id.end() ? nullptr : m_entries[it->second];
}

void ActivityLibrary::add_history_only(training::ActivityDigest digest) {
    std::lock_guard lock(m_mutex);
    m_last_id = std::max(m_last_id, digest.id.value);
    m_history_only.push_back(std::move(digest));
}

std::size_t ActivityLibrary::history_only() const {
    std::lock_guard lock(m_mutex);
    return m_history_only.size();
}

std::vector<std::shared_ptr<const LibraryEntry>> ActivityLibrary::list(const ActivityFilter& filter) const {
    std::vector<std::shared_ptr<const LibraryEntry>> out;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& e : m_entries) {
            if (matches(*e, filter)) out.push_back(e);
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        const auto& sa = a->activity.metadata.start_time_s;
        const auto& sb = b->activity.metadata.start_time_s;
        if (sa.has_value() != sb.has_value()) return sa.has_value();
        if (sa && *sa != *sb) return *sa > *sb;
        return a->id > b->id;
    });
    if (out.size() > filter.limit) out.resize(filter.limit);
    return out;
}

std::vector<training::ActivityDigest> ActivityLibrary::digests() const {
    std::lock_guard lock(m_mutex);
    std::vector<training::ActivityDigest> out;
    out.reserve(m_entries.size() + m_history_only.size());
    for (const auto& e : m_entries) out.push_back(e->digest);
    out.insert(out.end(), m_history_only.begin(), m_history_only.end());
    return out;
}

std::size_t ActivityLibrary::size() const {
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

}  // namespace hillcoach::app::server
