// GET /v1/knowledge-articles: text search over the published knowledge
// articles (DESIGN §2.9), from the KnowledgeSearch read model. One
// article's full state is the record view GET /v1/knowledge-articles/{id}
// (record_routes.h).
//
// Query parameters (all optional): q (words; every one must match, as a
// prefix of a word of the title, tags or body), kind (won_deal_lesson,
// lost_deal_lesson, competitor_intelligence, product_answer), tag,
// linked_to ("opportunity:ID", "competitor:ID" or "product:ID"), limit
// (1–100, default 20). Articles are company knowledge: every role that
// reads records sees them all.
#pragma once

#include "api/router.h"
#include "projections/knowledge_search.h"

namespace dealstream::api {

// `search` must outlive the routes.
RouteGroup KnowledgeRoutes(const projections::KnowledgeSearch& search);

}  // namespace dealstream::api
