package com.leadflow.intake.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchKeysTest {

    @Test
    void aBeginningTypedInAnyCaseOrWithoutAccentsFallsInsideTheNamesRange() {
        String key = SearchKeys.fullName("Zoë", "Quackenbush");
        for (String typed : new String[] {"zoe", "ZOË", "Zoe Qua", "  zoe   quackenbush "}) {
            assertThat(key).as(typed).isGreaterThanOrEqualTo(SearchKeys.prefixStart(typed))
                    .isLessThan(SearchKeys.prefixEnd(typed));
        }
        assertThat(key).isLessThan(SearchKeys.prefixStart("zoey")).isNotEqualTo(SearchKeys.prefixStart("zo"));
        assertThat(key.compareTo(SearchKeys.prefixEnd("zoe q"))).isNegative();
        assertThat(key.compareTo(SearchKeys.prefixStart("zof"))).isNegative();
    }

    @Test
    void keysHoldNoReadableName() {
        assertThat(SearchKeys.lastName("Quackenbush")).matches("[0-9a-f]+").doesNotContainIgnoringCase("quack");
    }
}
