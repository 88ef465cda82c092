package de.impftermin.administration.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn on the server as SVG geometry, for a template to render: no script, readable without one, and
 * printed as it is shown. The numbers themselves stand in a table beside it for screen readers.
 *
 * @param max the value the full height stands for (at least 1, rounded up to a readable step)
 */
record BarChart(int width, int height, int plotLeft, int plotBottom, long max, List<Bar> bars, List<Tick> ticks) {

    static final int WIDTH = 760;
    static final int HEIGHT = 260;
    private static final int LEFT = 44;
    private static final int TOP = 12;
    private static final int BOTTOM = 36;

    /** One bar: its box, the value and a label under it (empty where labels would crowd). */
    record Bar(int x, int y, int width, int height, long value, String label, String axisLabel) {}

    /** A horizontal guide line with its value. */
    record Tick(int y, long value) {}

    /** Bars for {@code values} in order, each with its label; every {@code labelEvery}-th label is drawn. */
    static BarChart of(List<String> labels, List<Long> values, int labelEvery) {
        long max = niceMax(values.stream().mapToLong(Long::longValue).max().orElse(0));
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int slot = (WIDTH - LEFT) / Math.max(1, values.size());
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            long value = values.get(i);
            int h = (int) Math.round((double) value * plotHeight / max);
            bars.add(new Bar(
                    LEFT + i * slot + slot / 8,
                    TOP + plotHeight - h,
                    Math.max(1, slot * 3 / 4),
                    h,
                    value,
                    labels.get(i),
                    i % labelEvery == 0 ? labels.get(i) : ""));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int step = 0; step <= 4; step++) {
            ticks.add(new Tick(TOP + plotHeight - plotHeight * step / 4, max * step / 4));
        }
        return new BarChart(WIDTH, HEIGHT, LEFT, TOP + plotHeight, max, bars, ticks);
    }

    /** The smallest of 4, 8, 20, 40, 80, 200 … at or above {@code value}, so that the four guides are whole numbers. */
    static long niceMax(long value) {
        for (long scale = 1; ; scale *= 10) {
            for (long step : new long[] {4, 8, 20}) {
                if (step * scale >= value) {
                    return step * scale;
                }
            }
        }
    }
}
