package org.disclosuresearch.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The sentence templates and slot fillers of the synthetic corpus ({@code /bench/narrative.txt}). Kept in a resource
 * so that the vocabulary can grow without touching code; the file's header documents its format.
 */
final class NarrativeVocabulary {

    private static final String RESOURCE = "/bench/narrative.txt";

    private final Map<String, List<String>> slots;
    private final Map<String, List<String>> sections;

    private NarrativeVocabulary(Map<String, List<String>> slots, Map<String, List<String>> sections) {
        this.slots = slots;
        this.sections = sections;
    }

    static NarrativeVocabulary load() {
        try (InputStream in = NarrativeVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, List<String>> slots = new LinkedHashMap<>();
            Map<String, List<String>> sections = new LinkedHashMap<>();
            List<String> current = null;
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (trimmed.startsWith("@")) {
                    int colon = trimmed.indexOf(':');
                    if (colon < 0) {
                        throw new IllegalStateException(RESOURCE + ":" + lineNo + ": slot line without ':'");
                    }
                    slots.put(trimmed.substring(1, colon).strip(), List.of(trimmed.substring(colon + 1).strip().split("\\|")));
                } else if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                    current = new ArrayList<>();
                    sections.put(trimmed.substring(1, trimmed.length() - 1), current);
                } else if (current == null) {
                    throw new IllegalStateException(RESOURCE + ":" + lineNo + ": sentence before any [section]");
                } else {
                    current.add(trimmed);
                }
            }
            return new NarrativeVocabulary(Map.copyOf(slots), Map.copyOf(sections));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> section(String name) {
        List<String> list = sections.get(name);
        if (list == null) {
            throw new IllegalArgumentException("no section [" + name + "] in " + RESOURCE);
        }
        return list;
    }

    /**
     * Every slot filler made of letters only and free of planted phrases, sorted (the slots' map has no stable order,
     * the corpus must not depend on it): the words {@link ClauseVariation} inserts.
     */
    List<String> plainWords() {
        java.util.TreeSet<String> words = new java.util.TreeSet<>();
        for (List<String> fillers : slots.values()) {
            for (String w : fillers) {
                if (!w.isEmpty() && w.chars().allMatch(Character::isLetter)
                        && PlantedPhrase.ALL.stream().noneMatch(p -> w.contains(p.phrase()))) {
                    words.add(w);
                }
            }
        }
        return List.copyOf(words);
    }

    boolean hasSlot(String name) {
        return slots.containsKey(name);
    }

    /**
     * Sentences of one section for one report: every template once, in random order, before any repeats, as a
     * writer varies phrasing within a report.
     */
    final class SectionSentences {
        private final List<String> templates;
        private final Random random;
        private final Function<String, String> contextSlots;
        private int next;

        SectionSentences(String section, Random random, Function<String, String> contextSlots) {
            this.templates = new ArrayList<>(section(section));
            this.random = random;
            this.contextSlots = contextSlots;
            this.next = templates.size();
        }

        String next() {
            if (next == templates.size()) {
                Collections.shuffle(templates, random);
                next = 0;
            }
            return fill(templates.get(next++), random, contextSlots);
        }
    }

    /**
     * Fills {@code {name}} slots: context slots first (agency, year …), then the vocabulary's lists. Fillers are
     * drawn with a skew towards the head of each list so that word frequencies fall off as in real text.
     */
    String fill(String template, Random random, Function<String, String> contextSlots) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        Map<String, String> used = new HashMap<>();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            String name = template.substring(i + 1, close);
            String value = contextSlots.apply(name);
            if (value == null) {
                List<String> list = slots.get(name);
                if (list == null) {
                    throw new IllegalStateException("unknown slot {" + name + "} in " + RESOURCE + ": " + template);
                }
                value = list.get(skewedIndex(random, list.size()));
                // "视频、视频": a slot used twice in one sentence gets a different filler the second time
                for (int tries = 0; tries < 4 && value.equals(used.get(name)); tries++) {
                    value = list.get(random.nextInt(list.size()));
                }
                used.put(name, value);
            }
            out.append(value);
            i = close + 1;
        }
        return out.toString();
    }

    /** An index in [0, size) where low indexes are more likely (roughly Zipf-like). */
    static int skewedIndex(Random random, int size) {
        double u = random.nextDouble();
        return Math.min(size - 1, (int) (size * u * u));
    }
}
