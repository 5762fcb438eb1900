package com.example.app;

import java.util.*;
import java.util.function.Function;
import static java.lang.Math.max;

/**
 * The application.
 */
@SuppressWarnings("unchecked")
public final class App<T extends Comparable<T>> implements Runnable {
    private static final int MAX_SIZE = 1_000;
    private final List<String> names = new ArrayList<>();
    protected volatile long counter = 0L;

    public App(String name) {
        this.names.add(name);
    }

    @Override
