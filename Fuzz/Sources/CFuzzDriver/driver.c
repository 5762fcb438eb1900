// The header above is all this target is for; SwiftPM needs one source file in a C target.
#include "CFuzzDriver.h"
