package de.impftermin.administration.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTests {

    @Test
    void roundsTheScaleUpToFourReadableGuides() {
        assertThat(BarChart.niceMax(0)).isEqualTo(4);
        assertThat(BarChart.niceMax(5)).isEqualTo(8);
        assertThat(BarChart.niceMax(9)).isEqualTo(20);
        assertThat(BarChart.niceMax(41)).isEqualTo(80);
        assertThat(BarChart.niceMax(81)).isEqualTo(200);
        assertThat(BarChart.niceMax(4680)).isEqualTo(8000);
    }

    @Test
    void drawsTheHighestBarToTheTopAndAnEmptyHourFlat() {
        BarChart chart = BarChart.of(List.of("08:00", "09:00", "10:00"), List.of(0L, 8L, 4L), 2);

        assertThat(chart.bars()).extracting(BarChart.Bar::height).containsExactly(0, 212, 106);
        assertThat(chart.bars().get(1).y()).isEqualTo(chart.plotBottom() - 212);
        assertThat(chart.bars()).extracting(BarChart.Bar::axisLabel).containsExactly("08:00", "", "10:00");
    }
}
