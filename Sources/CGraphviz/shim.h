#ifndef ECOGRAPH_CGRAPHVIZ_SHIM_H
#define ECOGRAPH_CGRAPHVIZ_SHIM_H
// Graphviz's public C API: layout and rendering (gvc) over the graph library (cgraph).
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvplugin.h>
#endif
