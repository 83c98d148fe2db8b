package com.leadflow.insurance.gateway.simulated;

import com.leadflow.insurance.eligibility.Coverage;
import com.leadflow.insurance.eligibility.EligibilityGateway;
import com.leadflow.insurance.eligibility.EligibilityRequest;
import com.leadflow.insurance.eligibility.Network;
import com.leadflow.insurance.eligibility.PayerAnswer;
import com.leadflow.insurance.eligibility.PayerError;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * A payer for the local stack and demos that answers by the member id's prefix (any case):
 * <pre>
 *   INACTIVE...   coverage found but ended last year                 -> not verified
 *   NOTFOUND...   AAA 75 subscriber not found                         -> not verified, patient can fix
 *   BADID...      AAA 72 invalid member id                            -> not verified, patient can fix
 *   NAME...       AAA 73 invalid name                                 -> not verified, patient can fix
 *   DOB...        AAA 58 invalid date of birth                        -> not verified, patient can fix
 *   OON...        active, but the practice is out of network          -> verified
 *   BUSY&lt;n&gt;...    AAA 42 "unable to respond now" for the first n calls, then active
 *   DOWN&lt;n&gt;...    unreachable (like HTTP 503) for the first n calls, then active;
 *                 DOWN without a number never recovers                 -> failed after the retry window
 *   SLOW...       active, answered after leadflow.insurance.simulated.slow-answer
 *   HANG...       answers only after hanging-answer (past the call timeout) -> retried, then failed
 *   GARBLE...     an answer that cannot be read                        -> failed with a reason
 *   anything else active PPO, in network, with benefits               -> verified
 * </pre>
 * Calls are counted per payer and member id in memory, so BUSY/DOWN restart after a service restart.
 */
public class SimulatedPayer implements EligibilityGateway {

    private static final Pattern COUNTED = Pattern.compile("^(BUSY|DOWN)(\\d*)");

    private final Duration slowAnswer;
    private final Duration hangingAnswer;
    private final Clock clock;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    public SimulatedPayer(Duration slowAnswer, Duration hangingAnswer, Clock clock) {
        this.slowAnswer = slowAnswer;
        this.hangingAnswer = hangingAnswer;
        this.clock = clock;
    }

    @Override
    public Mono<PayerAnswer> check(EligibilityRequest request) {
        String id = request.memberId().strip().toUpperCase(Locale.ROOT);
        int call = calls.computeIfAbsent(request.payerId() + "/" + id, key -> new AtomicInteger()).incrementAndGet();
        Matcher counted = COUNTED.matcher(id);
        if (counted.find()) {
            boolean stillFailing = counted.group(2).isEmpty() || call <= Integer.parseInt(counted.group(2));
            if (stillFailing) {
                return Mono.just(counted.group(1).equals("BUSY")
                        ? answered(List.of(), List.of(new PayerError("42", "R")))
                        : new PayerAnswer.Unreachable("simulated payer outage"));
            }
            return Mono.just(active(request, Network.IN_NETWORK));
        }
        if (id.startsWith("INACTIVE")) {
            LocalDate lastYear = LocalDate.now(clock).minusYears(1);
            return Mono.just(answered(List.of(new Coverage(false, plan(request), LocalDate.of(lastYear.getYear(), 1, 1),
                    LocalDate.of(lastYear.getYear(), 12, 31), Network.IN_NETWORK, null, null, null, null, null, "30")),
                    List.of()));
        }
        if (id.startsWith("NOTFOUND")) {
            return Mono.just(answered(List.of(), List.of(new PayerError("75", "C"))));
        }
        if (id.startsWith("BADID")) {
            return Mono.just(answered(List.of(), List.of(new PayerError("72", "C"))));
        }
        if (id.startsWith("NAME")) {
            return Mono.just(answered(List.of(), List.of(new PayerError("73", "C"))));
        }
        if (id.startsWith("DOB")) {
            return Mono.just(answered(List.of(), List.of(new PayerError("58", "C"))));
        }
        if (id.startsWith("GARBLE")) {
            return Mono.just(new PayerAnswer.Unreadable("the simulated payer sent a garbled answer"));
        }
        if (id.startsWith("OON")) {
            return Mono.just(active(request, Network.OUT_OF_NETWORK));
        }
        if (id.startsWith("SLOW")) {
            return Mono.delay(slowAnswer).thenReturn(active(request, Network.IN_NETWORK));
        }
        if (id.startsWith("HANG")) {
            return Mono.delay(hangingAnswer).thenReturn(active(request, Network.IN_NETWORK));
        }
        return Mono.just(active(request, Network.IN_NETWORK));
    }

    private PayerAnswer active(EligibilityRequest request, Network network) {
        LocalDate start = LocalDate.of(LocalDate.now(clock).getYear(), 1, 1);
        boolean inNetwork = network == Network.IN_NETWORK;
        Coverage medical = new Coverage(true, plan(request), start, null, network, inNetwork ? 4000L : 8000L,
                inNetwork ? 20 : 40, 125_000L, 430_000L, true, "30");
        // a second benefit line, as real 271s return one per service type asked about or known
        Coverage physicalTherapy = new Coverage(true, plan(request), start, null, network, 3000L, 20, 125_000L,
                430_000L, false, "PT");
        return answered(List.of(medical, physicalTherapy), List.of());
    }

    private static String plan(EligibilityRequest request) {
        return "Simulated " + request.payerId().toUpperCase(Locale.ROOT) + " PPO";
    }

    private static PayerAnswer answered(List<Coverage> coverages, List<PayerError> errors) {
        return new PayerAnswer.Answered(coverages, errors);
    }
}
