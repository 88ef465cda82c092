package de.impftermin.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A PNG of one scenario over time: successful requests per second per operation (top) and their p99 latency in ms
 * (bottom, logarithmic), drawn with Java2D so that the benchmark needs no plotting library.
 */
final class Chart {

    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd)
    };
    private static final int WIDTH = 1000;
    private static final int PANEL = 260;
    private static final int LEFT = 80;
    private static final int TOP = 40;

    private final String title;
    private final Map<String, double[][]> series = new LinkedHashMap<>();

    Chart(String title) {
        this.title = title;
    }

    /** {@code timeline[second] = {requests, p99 ms}}, as {@link Recorder#timeline} gives it. */
    Chart add(String op, double[][] timeline) {
        if (timeline.length > 0) {
            series.put(op, timeline);
        }
        return this;
    }

    void write(Path file) throws IOException {
        int height = TOP + 2 * PANEL + 90;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 24);
        int seconds = series.values().stream().mapToInt(t -> t.length).max().orElse(1);
        double maxRate = series.values().stream()
                .flatMap(t -> java.util.Arrays.stream(t))
                .mapToDouble(p -> p[0])
                .max()
                .orElse(1);
        double maxP99 = series.values().stream()
                .flatMap(t -> java.util.Arrays.stream(t))
                .mapToDouble(p -> p[1])
                .max()
                .orElse(1);
        panel(g, TOP, "successful requests / s", seconds, niceCeiling(maxRate), false, 0);
        panel(g, TOP + PANEL + 30, "p99 latency, ms (log)", seconds, niceCeiling(Math.max(10, maxP99)), true, 1);
        int x = LEFT;
        int i = 0;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (String op : series.keySet()) {
            g.setColor(COLORS[i++ % COLORS.length]);
            g.fillRect(x, height - 30, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(op, x + 20, height - 18);
            x += 140;
        }
        g.drawString("seconds since start", WIDTH - 220, height - 18);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private void panel(Graphics2D g, int top, String label, int seconds, double max, boolean log, int column) {
        int w = WIDTH - LEFT - 30;
        int h = PANEL - 40;
        g.setColor(new Color(0xf4f4f4));
        g.fillRect(LEFT, top + 20, w, h);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(label, LEFT, top + 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int k = 0; k <= 4; k++) {
            double value = log ? Math.pow(max, k / 4.0) : max * k / 4;
            int y = top + 20 + h - (int) (h * k / 4.0);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, LEFT + w, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format("%,.0f", value), 8, y + 4);
        }
        for (int s = 0; s <= seconds; s += Math.max(1, seconds / 10)) {
            int xs = LEFT + (int) ((double) w * s / Math.max(1, seconds));
            g.drawString(Integer.toString(s), xs - 4, top + 20 + h + 14);
        }
        int i = 0;
        g.setStroke(new BasicStroke(2f));
        for (double[][] t : series.values()) {
            g.setColor(COLORS[i++ % COLORS.length]);
            int px = -1;
            int py = -1;
            for (int s = 0; s < t.length; s++) {
                double v = t[s][column];
                if (log && v <= 0) {
                    px = -1;
                    continue;
                }
                double frac = log ? Math.log(Math.max(1, v)) / Math.log(max) : v / max;
                int x = LEFT + (int) ((double) w * s / Math.max(1, seconds));
                int y = top + 20 + h - (int) (h * Math.min(1, frac));
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(1, value))));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
