/* date.c — being written. */
#include "frise/date.h"
