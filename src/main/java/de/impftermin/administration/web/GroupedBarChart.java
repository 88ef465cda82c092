package de.impftermin.administration.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart with a group of bars per row (a centre's doses delivered, released and administered), drawn
 * on the server as SVG geometry like {@link BarChart}: one band per row, so a region of many centres grows downwards
 * instead of crowding; the numbers stand in a table beside it.
 *
 * @param max the value the full width stands for (a readable step, see {@link BarChart#niceMax})
 */
record GroupedBarChart(
        int width, int height, int plotLeft, int plotBottom, long max, List<Row> rows, List<Tick> ticks) {

    static final int WIDTH = 760;
    private static final int LABELS = 230;
    private static final int RIGHT = 20;
    private static final int TOP = 8;
    private static final int BOTTOM = 26;
    private static final int BAR = 10;
    private static final int GAP = 14;

    /** One row: its label (vertically centred on the group) and its bars, one per series in order. */
    record Row(String label, int labelY, List<Bar> bars) {}

    /** One bar: its box, its series (0, 1, 2 …) and value. */
    record Bar(int x, int y, int width, int height, int series, long value) {}

    /** A vertical guide line with its value under the plot. */
    record Tick(int x, long value) {}

    static GroupedBarChart of(List<String> labels, List<List<Long>> values) {
        int perRow = values.isEmpty() ? 1 : values.getFirst().size();
        long max = BarChart.niceMax(values.stream()
                .flatMap(List::stream)
                .mapToLong(Long::longValue)
                .max()
                .orElse(0));
        int plotWidth = WIDTH - LABELS - RIGHT;
        int band = perRow * BAR + GAP;
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < labels.size(); r++) {
            int top = TOP + r * band;
            List<Bar> bars = new ArrayList<>();
            for (int s = 0; s < perRow; s++) {
                long value = values.get(r).get(s);
                int w = (int) Math.round((double) value * plotWidth / max);
                bars.add(new Bar(LABELS, top + s * BAR, w, BAR - 1, s, value));
            }
            rows.add(new Row(labels.get(r), top + perRow * BAR / 2 + 4, bars));
        }
        int plotBottom = TOP + labels.size() * band;
        List<Tick> ticks = new ArrayList<>();
        for (int step = 0; step <= 4; step++) {
            ticks.add(new Tick(LABELS + plotWidth * step / 4, max * step / 4));
        }
        return new GroupedBarChart(WIDTH, plotBottom + BOTTOM, LABELS, plotBottom, max, rows, ticks);
    }
}
