package com.leadflow.matching.coordinator;

import com.leadflow.events.Condition;
import com.leadflow.events.Procedure;
import com.leadflow.matching.ambassador.AgeBand;
import com.leadflow.matching.ambassador.AmbassadorStatus;
import com.leadflow.matching.ambassador.ContactMode;
import com.leadflow.matching.ambassador.Gender;
import com.leadflow.matching.match.MatchState;
import com.leadflow.matching.scoring.Wording;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every code the coordinator's page shows, in plain words, and the values its registry form offers.
 * Conditions and procedures come from the event schema's enums, so a new one appears here by itself.
 */
public final class Choices {

    /** A code and how people read it. */
    public record Choice(String code, String label) {
    }

    /**
     * @param conditions what an ambassador can have had (not "unknown": it cannot be shared)
     * @param procedures what an ambassador can have been through (not "unsure")
     * @param labels every other code the page shows: visitors' vague answers, states, statuses
     */
    public record View(List<Choice> conditions, List<Choice> procedures, List<Choice> ageBands, List<Choice> genders,
            List<Choice> contactModes, List<Choice> languages, List<Choice> timeZones, List<Choice> ambassadorStatuses,
            List<Choice> matchStates, Map<String, String> labels) {
    }

    static final View VIEW = new View(
            words(Arrays.stream(Condition.values()).filter(c -> c != Condition.UNKNOWN)),
            words(Arrays.stream(Procedure.values()).filter(p -> p != Procedure.UNSURE)),
            Arrays.stream(AgeBand.values()).map(b -> new Choice(b.name(), b.label())).toList(),
            List.of(new Choice(Gender.FEMALE.name(), "Female"), new Choice(Gender.MALE.name(), "Male"),
                    new Choice(Gender.NON_BINARY.name(), "Non-binary"),
                    new Choice(Gender.UNDISCLOSED.name(), "Prefers not to say")),
            List.of(new Choice(ContactMode.PHONE.name(), "Phone call"), new Choice(ContactMode.VIDEO.name(), "Video call"),
                    new Choice(ContactMode.EMAIL.name(), "Email"), new Choice(ContactMode.TEXT.name(), "Text messages")),
            Stream.of("en", "es", "zh", "vi", "ko", "ru", "tl", "ar", "pt", "fr", "ht", "pl")
                    .map(code -> new Choice(code, Wording.language(code))).toList(),
            List.of(new Choice("America/New_York", "Eastern (New York)"), new Choice("America/Detroit", "Eastern (Detroit)"),
                    new Choice("America/Chicago", "Central (Chicago)"), new Choice("America/Denver", "Mountain (Denver)"),
                    new Choice("America/Phoenix", "Arizona (Phoenix)"), new Choice("America/Los_Angeles", "Pacific (Los Angeles)"),
                    new Choice("America/Anchorage", "Alaska (Anchorage)"), new Choice("Pacific/Honolulu", "Hawaii (Honolulu)")),
            List.of(new Choice(AmbassadorStatus.ACTIVE.name(), "Taking conversations"),
                    new Choice(AmbassadorStatus.PAUSED.name(), "Paused"),
                    new Choice(AmbassadorStatus.RETIRED.name(), "Retired (consent withdrawn)")),
            List.of(new Choice(MatchState.PROPOSED.name(), "Proposed"), new Choice(MatchState.ACCEPTED.name(), "Agreed to talk"),
                    new Choice(MatchState.DECLINED.name(), "Declined"), new Choice(MatchState.COMPLETED.name(), "Talked"),
                    new Choice(MatchState.SUPERSEDED.name(), "Replaced after the review"),
                    new Choice(MatchState.WITHDRAWN.name(), "Past patient withdrew")),
            Map.of(Condition.UNKNOWN.name(), "Not known yet", Condition.OTHER.name(), "Something else",
                    Procedure.UNSURE.name(), "Not sure yet"));

    private Choices() {
    }

    private static List<Choice> words(Stream<? extends Enum<?>> values) {
        return values.map(v -> {
            String words = Wording.of(v);
            return new Choice(v.name(), Character.toUpperCase(words.charAt(0)) + words.substring(1));
        }).toList();
    }
}
