package de.impftermin.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How many holds and confirmations the app committed per transaction, from its actuator metrics. */
record GroupCommitSizes(Map<String, double[]> countAndTotal) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> NAMES = List.of("holds", "confirmations");

    static GroupCommitSizes read(Http http) {
        Map<String, double[]> read = new LinkedHashMap<>();
        for (String name : NAMES) {
            Http.Answer answer = http.get("/actuator/metrics/impftermin.group-commit.size?tag=name:" + name);
            double count = 0;
            double total = 0;
            if (answer.status() == 200) {
                for (JsonNode m : JSON.readTree(answer.body()).path("measurements")) {
                    switch (m.path("statistic").asString()) {
                        case "COUNT" -> count = m.path("value").asDouble();
                        case "TOTAL" -> total = m.path("value").asDouble();
                        default -> {}
                    }
                }
            }
            read.put(name, new double[] {count, total});
        }
        return new GroupCommitSizes(read);
    }

    String since(GroupCommitSizes before) {
        StringBuilder text = new StringBuilder("Group commit:");
        for (String name : NAMES) {
            double transactions =
                    countAndTotal.get(name)[0] - before.countAndTotal.get(name)[0];
            double units = countAndTotal.get(name)[1] - before.countAndTotal.get(name)[1];
            text.append(String.format(
                    " %s %,.0f in %,.0f transactions (%.2f each);",
                    name, units, transactions, units / Math.max(1, transactions)));
        }
        return text.toString();
    }
}
