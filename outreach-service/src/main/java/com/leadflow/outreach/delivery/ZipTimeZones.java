package com.leadflow.outreach.delivery;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A US ZIP code's time zone, from its first three digits. Ranges follow the postal regions; where
 * a state is split (the Florida panhandle, western Kentucky and Tennessee, north-west Indiana, El
 * Paso, northern Idaho, western Nebraska and the Dakotas), the prefixes of the other zone are listed
 * on their own. A prefix in no range has no known zone.
 */
public final class ZipTimeZones {

    /** The zones a ZIP code of unknown zone may be in: quiet hours must hold in all of them. */
    public static final List<ZoneId> US_ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"),
            ZoneId.of("America/Denver"), ZoneId.of("America/Phoenix"), ZoneId.of("America/Los_Angeles"),
            ZoneId.of("America/Anchorage"), ZoneId.of("Pacific/Honolulu"));

    private static final TreeMap<Integer, Range> BY_FIRST = new TreeMap<>();

    private record Range(int first, int last, ZoneId zone) {
    }

    static {
        String eastern = "America/New_York";
        String central = "America/Chicago";
        String mountain = "America/Denver";
        String pacific = "America/Los_Angeles";
        range(6, 9, "America/Puerto_Rico");
        range(10, 323, eastern);
        range(324, 325, central);      // Florida panhandle
        range(326, 349, eastern);
        range(350, 369, central);      // Alabama
        range(370, 376, central);      // middle and western Tennessee
        range(377, 379, eastern);      // eastern Tennessee
        range(380, 385, central);
        range(386, 397, central);      // Mississippi
        range(398, 399, eastern);      // Georgia
        range(400, 418, eastern);      // Kentucky
        range(420, 427, central);      // western Kentucky
        range(430, 462, eastern);      // Ohio, Indiana
        range(463, 464, central);      // north-west Indiana
        range(465, 475, eastern);
        range(476, 477, central);      // Evansville
        range(478, 497, eastern);      // Indiana, Michigan
        range(498, 499, central);      // Michigan's Upper Peninsula, in part
        range(500, 576, central);      // Iowa, Wisconsin, Minnesota, South Dakota
        range(577, 577, mountain);     // western South Dakota
        range(580, 588, central);      // North Dakota
        range(590, 599, mountain);     // Montana
        range(600, 689, central);      // Illinois, Missouri, Kansas, Nebraska
        range(690, 693, mountain);     // western Nebraska
        range(700, 797, central);      // Louisiana, Arkansas, Oklahoma, Texas
        range(798, 799, mountain);     // El Paso
        range(800, 834, mountain);     // Colorado, Wyoming, southern Idaho
        range(835, 838, pacific);      // northern Idaho
        range(840, 847, mountain);     // Utah
        range(850, 865, "America/Phoenix");
        range(870, 884, mountain);     // New Mexico
        range(889, 898, pacific);      // Nevada
        range(900, 961, pacific);      // California
        range(967, 968, "Pacific/Honolulu");
        range(969, 969, "Pacific/Guam");
        range(970, 994, pacific);      // Oregon, Washington
        range(995, 999, "America/Anchorage");
    }

    private ZipTimeZones() {
    }

    private static void range(int first, int last, String zone) {
        BY_FIRST.put(first, new Range(first, last, ZoneId.of(zone)));
    }

    /** The zone of a five-digit ZIP code (ZIP+4 too), if its prefix is in the table. */
    public static Optional<ZoneId> of(String zipCode) {
        if (zipCode == null || zipCode.length() < 3 || !zipCode.substring(0, 3).chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(zipCode.substring(0, 3));
        var entry = BY_FIRST.floorEntry(prefix);
        return entry == null || prefix > entry.getValue().last() ? Optional.empty() : Optional.of(entry.getValue().zone());
    }
}
