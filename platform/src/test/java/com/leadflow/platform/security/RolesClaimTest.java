package com.leadflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

/** Roles read the way each provider sends them, by configuration alone. */
class RolesClaimTest {

    @Test
    void aFlatRolesClaimAsSpringAuthorizationServerAndEntraIdSendIt() {
        assertThat(names(new RolesClaim("roles"), Map.of("roles", List.of("CLINICIAN", "OPS"))))
                .containsExactly("ROLE_CLINICIAN", "ROLE_OPS");
    }

    @Test
    void aNestedClaimAsKeycloakSendsItWithOtherRolesIgnored() {
        Map<String, Object> claims = Map.of("realm_access",
                Map.of("roles", List.of("offline_access", "care-manager", "uma_authorization")));
        assertThat(names(new RolesClaim("realm_access.roles"), claims)).containsExactly("ROLE_CARE_MANAGER");
    }

    @Test
    void groupsInAnyCaseOrOneSpaceSeparatedString() {
        assertThat(names(new RolesClaim("groups"), Map.of("groups", "admin Everyone"))).containsExactly("ROLE_ADMIN");
        assertThat(names(new RolesClaim("groups"), Map.of("groups", List.of("Clinician")))).containsExactly("ROLE_CLINICIAN");
    }

    @Test
    void aMissingOrOddlyShapedClaimGivesNoRole() {
        assertThat(names(new RolesClaim("roles"), Map.of())).isEmpty();
        assertThat(names(new RolesClaim("realm_access.roles"), Map.of("realm_access", "CLINICIAN"))).isEmpty();
        assertThat(names(new RolesClaim("roles"), Map.of("roles", 42))).isEmpty();
    }

    private static List<String> names(RolesClaim claim, Map<String, Object> claims) {
        return claim.authorities(claims).stream().map(GrantedAuthority::getAuthority).toList();
    }
}
