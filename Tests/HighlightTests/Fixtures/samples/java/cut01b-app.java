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
    public void run() {
        for (int i = 0; i < MAX_SIZE; i++) {
            if (i % 2 == 0) continue;
            counter += i;
        }
        String s = "tab\t\"quoted\" \\ back";
        char c = 'x', nl = '\n', u = '\u0041';
        double d = 3.14, e = 1.5e10, f = 2.0f;
        int hex = 0xFF, bin = 0b1010, oct = 017;
        Function<Integer, Integer> sq = x -> x * x;
        try {
            Object o = null;
            o.toString();
        } catch (NullP