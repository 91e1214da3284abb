#include "hillcoach/io/xml_activity_reader.hpp"

#include <cctype>
#include <exception>
#include <string>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "hillcoach/io/gpx_reader.hpp"
#include "hillcoach/io/tcx_reader.hpp"
#include "hillcoach/io/xml_read_context.hpp"
#include "hillcoach/io/xml_text.hpp"

namespace hillcoach::io {
namespace {

// parse_cdata keeps <![CDATA[…]]> names and notes. parse_embed_pcdata stores an element's text in the element
// itself (half the nodes for GPX, whose points are mostly leaf elements). Left out on purpose:
// parse_escapes, parse_eol and parse_wconv_attribute rewrite text in place and would shift or erase line
// breaks that XmlPositions counts; the readers decode references themselves (decode_xml_text,
// parse_xml_number's slow path) and trim CR with the other white space. Leaving them out is also faster.
constexpr unsigned k_parse_options = pugi::parse_cdata | pugi::parse_embed_pcdata;

std::string lower_first(std::string text) {
    if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

}  // namespace

core::Expected<std::vector<core::Activity>> read_xml_activity(std::span<char> buffer, const core::Location& source) {
    if (buffer.empty()) return core::make_error(core::ErrorCode::empty_file, source, "the file is empty");
    const XmlPositions positions(buffer, source);
    pugi::xml_document doc;
    pugi::xml_parse_result parsed;
    try {
        parsed = doc.load_buffer_inplace(buffer.data(), buffer.size(), k_parse_options, pugi::encoding_auto);
    } catch (const std::exception& e) {
        return core::make_error(core::ErrorCode::internal_error, source, fmt::format("XML parser: {}", e.what()));
    }
    if (!parsed) {
        return core::make_error(core::ErrorCode::xml_malformed,
                                positions.at_offset(static_cast<std::size_t>(parsed.offset)),
                                fmt::format("malformed XML: {}", lower_first(parsed.description())));
    }
    const pugi::xml_node root = doc.document_element();
    const std::string_view name = local_name(root.name());
    if (name == "gpx") {
        auto activity = read_gpx(root, positions);
        if (!activity) return std::move(activity).error();
        std::vector<core::Activity> out;
        out.push_back(std::move(*activity));
        return out;
    }
    if (name == "TrainingCenterDatabase") return read_tcx(root, positions);
    return core::make_error(core::ErrorCode::xml_not_activity, positions.at(element_start(root)),
                            fmt::format("the root element is <{}>, not <gpx> or <TrainingCenterDatabase>", name));
}

}  // namespace hillcoach::io
