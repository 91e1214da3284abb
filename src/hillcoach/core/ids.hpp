#pragma once
// Tagged ids: an activity's id and a place's id are both integers, and the compiler keeps them apart
// (passing a ClimbPlaceId where an ActivityId is expected does not compile). The store hands out
// ActivityIds (its rowids, > 0); training hands out ClimbPlaceIds. A default-constructed id is 0: "none yet".

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>

namespace hillcoach::core {

template <class Tag>
struct TaggedId {
    std::int64_t value = 0;

    constexpr bool valid() const { return value > 0; }
    friend constexpr auto operator<=>(const TaggedId&, const TaggedId&) = default;
};

struct ActivityIdTag;
struct ClimbPlaceIdTag;
using ActivityId = TaggedId<ActivityIdTag>;
using ClimbPlaceId = TaggedId<ClimbPlaceIdTag>;

}  // namespace hillcoach::core

template <class Tag>
struct std::hash<hillcoach::core::TaggedId<Tag>> {
    std::size_t operator()(const hillcoach::core::TaggedId<Tag>& id) const noexcept {
        return std::hash<std::int64_t>{}(id.value);
    }
};
