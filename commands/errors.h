// Conversions from the errors of the layers below into CommandError.
#pragma once

#include "codec/field_error.h"
#include "commands/command_service.h"
#include "domain/common/domain_error.h"
#include "eventstore/types.h"

namespace dealstream::commands {

CommandError FromDomainError(const domain::DomainError& error);
CommandError FromAppendError(const eventstore::AppendError& error);
// A body that breaks the command's schema: 400 naming the field.
CommandError FromFieldError(const codec::FieldError& error);
CommandError Unavailable(const Status& status);

}  // namespace dealstream::commands
