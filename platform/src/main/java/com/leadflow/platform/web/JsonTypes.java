package com.leadflow.platform.web;

import java.math.BigInteger;
import java.util.Collection;

/** What a field of a given Java type takes, in the caller's terms (JSON's), for a 400 'type' message. */
final class JsonTypes {

    private JsonTypes() {
    }

    static String expected(Class<?> target) {
        if (target == Boolean.class || target == boolean.class) {
            return "Use the JSON value true or false (not text or a number).";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == Short.class || target == short.class || target == BigInteger.class) {
            return "Use a whole number (not text or a decimal).";
        }
        if (target == double.class || target == float.class
                || (target != null && Number.class.isAssignableFrom(target))) {
            return "Use a number (not text).";
        }
        if (target != null && (target.isArray() || Collection.class.isAssignableFrom(target))) {
            return "Use a list.";
        }
        if (target == String.class) {
            return "Use text.";
        }
        return "This field has the wrong type (e.g. text where a number or a list belongs).";
    }
}
