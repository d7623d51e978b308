package org.mfaplatform.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a deployed web module answers, as {@link DeployedAppProbe} reports it: every resource, every
 * servlet and filter mapping. {@link #paths()} turns them into the paths a visitor can request.
 */
record Inventory(List<String> resources, List<String> mappings, int sessionTimeoutMinutes) {

    /** Faces serves the files under /resources through this prefix and its own extension. */
    private static final String FACES_RESOURCES = "/jakarta.faces.resource/";

    static Inventory of(WebClient site) {
        HttpResponse<String> answer = site.get(DeployedAppProbe.PATH + "/inventory");
        assertEquals(200, answer.statusCode(), "the probe answers on " + site.base());
        List<String> resources = new ArrayList<>();
        List<String> mappings = new ArrayList<>();
        int timeout = -1;
        for (String line : answer.body().split("\n")) {
            String[] fields = line.strip().split("\t");
            switch (fields[0]) {
                case "resource" -> resources.add(fields[1]);
                case "servlet", "filter" -> mappings.add(fields.length > 2 ? fields[2] : "");
                case "session-timeout" -> timeout = Integer.parseInt(fields[1]);
                default -> throw new AssertionError("unexpected probe line " + line);
            }
        }
        return new Inventory(resources, mappings, timeout);
    }

    /**
     * Every path worth requesting: each resource and directory as it lies in the module, each exact
     * and prefix mapping, a made-up page for each extension mapping, and each Faces resource by the
     * address pages use for it. The probe itself is left out.
     */
    SortedSet<String> paths() {
        SortedSet<String> paths = new TreeSet<>();
        paths.add("/");
        for (String resource : resources) {
            paths.add(resource);
            if (resource.startsWith("/resources/") && !resource.endsWith("/")) {
                paths.add(FACES_RESOURCES + resource.substring("/resources/".length()) + ".xhtml");
            }
        }
        for (String mapping : mappings) {
            if (mapping.isEmpty() || mapping.equals("/")) {
                paths.add("/");
            } else if (mapping.startsWith("*.")) {
                paths.add("/no-such-page" + mapping.substring(1));
                paths.add("/app/no-such-page" + mapping.substring(1));
            } else if (mapping.endsWith("/*")) {
                String prefix = mapping.substring(0, mapping.length() - 1);
                paths.add(prefix);
                paths.add(prefix + "anything");
            } else {
                paths.add(mapping);
            }
        }
        paths.removeIf(path -> path.startsWith(DeployedAppProbe.PATH));
        return paths;
    }
}
