#include <stdlib.h>

struct list {
    void *data;
    struct list *next;
};

/* Prepend an item; returns the new head or NULL on failure. */
struct list *list_push(struct list *head, void *data)
{
    struct list *node = malloc(sizeof *node);
    if (!node)
        return NULL;
    node->data = data;
    node->next = head;
    return node;
}

size_t list_length(const struct list *l)
{
    size_t n = 0;
    while (l) { n++; l = l->next; }
    return n;
}
