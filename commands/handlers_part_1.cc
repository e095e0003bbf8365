// Command handlers, part 1 of kHandlerParts (see handler_parts.h).
#include "commands/handler_parts.h"

DEALSTREAM_HANDLER_PART(1);
