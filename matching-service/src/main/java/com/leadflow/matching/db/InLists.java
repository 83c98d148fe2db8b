package com.leadflow.matching.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Values for {@code in (:values)} in lists of 64, 16, 4 or 1, the last list filled up with its last
 * value (which {@code in} does not mind), so that such a statement has one of four shapes whatever
 * the number of values and the driver's cache of prepared statements stays small.
 */
public final class InLists {

    private InLists() {
    }

    public static <T> List<List<T>> of(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> lists = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 64) {
            List<T> list = new ArrayList<>(all.subList(from, Math.min(from + 64, all.size())));
            int size = list.size() <= 1 ? 1 : list.size() <= 4 ? 4 : list.size() <= 16 ? 16 : 64;
            while (list.size() < size) {
                list.add(list.get(list.size() - 1));
            }
            lists.add(list);
        }
        return lists;
    }
}
