package com.leadflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoggedPathsTest {

    static final String TOKEN = "ik2DoCWKsaniErFbfV1MfqeWV2VxvlrX2ORCjTPdQxw";

    @Test
    void aStatusLinkTokenIsMaskedWhereverItStandsInThePath() {
        assertThat(LoggedPaths.mask("/api/status/" + TOKEN + "/imaging")).isEqualTo("/api/status/:token/imaging");
        assertThat(LoggedPaths.mask("/api/status/" + TOKEN)).isEqualTo("/api/status/:token");
        assertThat(LoggedPaths.mask("/api/status/" + TOKEN + "/events")).doesNotContain(TOKEN);
    }

    @Test
    void theQueryIsLeftOutForItMayCarryAToken() {
        assertThat(LoggedPaths.mask("/status.html?token=" + TOKEN)).isEqualTo("/status.html");
    }

    @Test
    void recordIdsAndShortSegmentsStayForOpsToFindTheRequest() {
        String path = "/api/leads/7335f0e0-b036-46d4-9fe0-89efb5994fcf/insurance-checks";
        assertThat(LoggedPaths.mask(path)).isEqualTo(path);
        assertThat(LoggedPaths.mask("/api/reviews/next")).isEqualTo("/api/reviews/next");
    }
}
