package org.example.cache;

import java.util.LinkedHashMap;
import java.util.Map;

/** A least-recently-used cache. */
public class LruCache<K, V> extends LinkedHashMap<K, V> {
    private static final long serialV