// Timeline<T>: the history of one attribute of one record, as set by
// events, for small read models (departments, employees, targets,
// customers…). Each point is "from this event on, the value is v".
//
// The value under a Visibility is that of the visible point with the
// highest position — the fold, in position order, of the visible sets —
// which is the bitemporal rule of time_travel.h applied to one attribute.
#pragma once

#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

#include "projections/binary_io.h"
#include "projections/symbols.h"
#include "projections/time_travel.h"

namespace dealstream::projections {

template <typename T>
class Timeline {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  struct Point {
    int64_t time;
    uint64_t position;
    T value;
  };

  // The point's padding bytes (after a small T) are zeroed, so that equal
  // timelines save equal bytes (snapshots of a rebuild compare equal).
  void Set(const EventMeta& meta, T value) {
    Point& p = points_.emplace_back();
    std::memset(static_cast<void*>(&p), 0, sizeof(Point));
    p.time = meta.time;
    p.position = meta.position;
    p.value = value;
  }

  // The value in force under `vis`, or nullptr before the first visible set.
  const T* AsOf(const Visibility& vis) const {
    for (auto it = points_.rbegin(); it != points_.rend(); ++it) {
      if (vis.Sees(it->time, it->position)) return &it->value;
    }
    return nullptr;
  }
  const T* Now() const { return points_.empty() ? nullptr : &points_.back().value; }
  // Business time of the visible point in force, or nullopt.
  const Point* PointAsOf(const Visibility& vis) const {
    for (auto it = points_.rbegin(); it != points_.rend(); ++it) {
      if (vis.Sees(it->time, it->position)) return &*it;
    }
    return nullptr;
  }
  const std::vector<Point>& points() const { return points_; }
  bool empty() const { return points_.empty(); }

  void Save(BinaryWriter& w) const { w.Pods(points_); }
  void Load(BinaryReader& r) { r.Pods(&points_); }

 private:
  std::vector<Point> points_;
};

}  // namespace dealstream::projections
