#ifndef KYLL_CMARK_SHIM_H
#define KYLL_CMARK_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

/* The GFM extension node types are exported by the library but declared in no
   installed header. Swift 6 rejects reading C globals directly, so expose them
   through inline accessors. */
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;

static inline cmark_node_type kyll_node_type_table(void) { return CMARK_NODE_TABLE; }
static inline cmark_node_type kyll_node_type_table_row(void) { return CMARK_NODE_TABLE_ROW; }
static inline cmark_node_type kyll_node_type_table_cell(void) { return CMARK_NODE_TABLE_CELL; }
static inline cmark_node_type kyll_node_type_strikethrough(void) { return CMARK_NODE_STRIKETHROUGH; }
#endif
