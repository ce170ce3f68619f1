// The dispatch command that runs the segmentation (see command.cpp).
#pragma once

namespace triage::uno {

inline constexpr const char* kSegmentCommand = "org.clienttriage.command:Segment";

} // namespace triage::uno
