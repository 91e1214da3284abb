#pragma once
// What a file holds, told from its first bytes. The content decides; the file name is only a hint, used
// when the content is none of the known kinds (so that a broken "run.fit" still goes to the FIT reader,
// which can say what is wrong with it, instead of a bare "unknown format").
//
//   FIT       header size byte >= 12 and ".FIT" at bytes 8-11 (FIT protocol file header)
//   gzip      1f 8b (RFC 1952)
//   zip       "PK\3\4" (a local file header) or "PK\5\6" (an empty archive's end record)
//   GPX, TCX  XML whose root element is <gpx> or <TrainingCenterDatabase> (any namespace prefix), after an
//             optional UTF-8 byte-order mark, whitespace, XML declaration, comments, processing instructions
//             and DOCTYPE
//   Strava    a CSV whose header starts with the column "Activity ID" (a Strava bulk export's activities.csv)

#include <cstddef>
#include <string>
#include <string_view>

namespace hillcoach::io {

enum class Content {
    unknown,
    gpx,
    tcx,
    xml_other,   // XML with another root element (or none found in the bytes given)
    fit,
    gzip,
    zip,
    strava_csv,
};
std::string_view to_string(Content c);

// How many leading bytes sniff_content needs to tell the kinds apart in practice (XML roots after a long
// comment may need more; then the result is xml_other).
inline constexpr std::size_t k_sniff_bytes = 4096;

// The kind of content in `head` (the whole file or its first bytes).
Content sniff_content(std::string_view head);

// The kind a file name suggests from its extension (case-insensitive): .gpx, .tcx, .fit, .gz, .zip, .csv;
// unknown otherwise. For "run.fit.gz" this is gzip.
Content content_from_name(std::string_view name);
// "run.fit.gz" -> "run.fit"; other names unchanged.
std::string_view strip_gz_suffix(std::string_view name);
// True for names a runner's activity files have: .gpx, .tcx, .fit and .gz (run.fit.gz, run.gpx.gz).
bool named_like_activity(std::string_view name);
// True when the content is an activity file hillcoach reads directly (GPX, TCX, FIT).
bool is_activity_content(Content c);

// A short, printable description of the first bytes for error messages: `starts with "PNG\r"` or
// `starts with bytes 00 01 ff 7e`.
std::string describe_start(std::string_view head);

}  // namespace hillcoach::io
