package com.leadflow.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Reads leadflow roles from a token's claims. The claim is named by configuration, so the same build
 * reads Spring Authorization Server's and Entra ID's {@code roles}, Okta's {@code groups} or
 * Keycloak's nested {@code realm_access.roles}. Values that name no leadflow role are ignored.
 */
final class RolesClaim {

    private final String path;

    RolesClaim(String path) {
        this.path = path;
    }

    List<GrantedAuthority> authorities(Map<String, Object> claims) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String value : values(claims)) {
            String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    authorities.add(new SimpleGrantedAuthority(role.authority()));
                }
            }
        }
        return authorities;
    }

    private List<String> values(Map<String, Object> claims) {
        Object node = claims;
        for (String segment : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return List.of();
            }
            node = map.get(segment);
        }
        if (node instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (node instanceof String text) {
            // some providers send one space-separated string
            return List.of(text.split("[\\s,]+"));
        }
        return List.of();
    }
}
