package com.leadflow.intake.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadflow.intake.care.ContactAttempt.Channel;
import com.leadflow.intake.care.ContactAttempt.Outcome;
import org.junit.jupiter.api.Test;

class ContactAttemptTest {

    @Test
    void eachChannelHasTheOutcomesThatCanHappenOnIt() {
        assertThat(ContactAttempt.allowed(Channel.PHONE)).contains(Outcome.LEFT_MESSAGE, Outcome.WRONG_NUMBER)
                .doesNotContain(Outcome.BOUNCED, Outcome.SENT);
        assertThat(ContactAttempt.allowed(Channel.EMAIL)).contains(Outcome.SENT, Outcome.BOUNCED)
                .doesNotContain(Outcome.WRONG_NUMBER, Outcome.NO_ANSWER, Outcome.LEFT_MESSAGE);
        assertThatThrownBy(() -> new ContactAttempt(Channel.EMAIL, Outcome.WRONG_NUMBER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAReachStopsTheClock() {
        assertThat(new ContactAttempt(Channel.PHONE, Outcome.REACHED).reaches()).isTrue();
        assertThat(new ContactAttempt(Channel.PHONE, Outcome.LEFT_MESSAGE).reaches()).isFalse();
        assertThat(new ContactAttempt(Channel.EMAIL, Outcome.SENT).reaches()).isFalse();
    }
}
