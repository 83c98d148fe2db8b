package com.leadflow.intake.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every disclosure text the practice ever published, from {@code classpath:disclosures/<version>.txt}.
 * Versions are dates, so the latest is the one the form shows; older ones stay known because a
 * visitor may submit a page loaded before a new text was published. A text is never edited: a
 * change is a new file.
 */
@Component
public class DisclosureCatalog {

    private final TreeMap<String, Disclosure> byVersion = new TreeMap<>();

    public DisclosureCatalog() {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:disclosures/*.txt")) {
                String version = resource.getFilename().replaceFirst("\\.txt$", "");
                byVersion.put(version, Disclosure.of(version, resource.getContentAsString(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the disclosure texts", e);
        }
        if (byVersion.isEmpty()) {
            throw new IllegalStateException("No disclosure text under classpath:disclosures/");
        }
    }

    public Disclosure current() {
        return byVersion.lastEntry().getValue();
    }

    public Optional<Disclosure> version(String version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    public boolean isKnown(String version) {
        return byVersion.containsKey(version);
    }

    Map<String, Disclosure> all() {
        return Map.copyOf(byVersion);
    }
}
