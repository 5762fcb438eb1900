package org.example.cache;

import java.util.LinkedHashMap;
import java.util.Map;

/** A least-recently-used cache. */
public class LruCache<K, V> extends LinkedHashMap<K, V> {
    private static final long serialVersionUID = 1L;
    private final int capacity;

    public LruCache(final int capacity) {
        super(16, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }

    public synchronized V getOrDefault(Object key, V fallback) {
        V v = super.get(key);
        return v != null ? v : fallback;
    }
}
