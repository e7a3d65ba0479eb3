package org.alize.identity.server;

import java.util.List;

import org.alize.tenancy.NetworkRole;
import org.alize.tenancy.web.CurrentGrants;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signing keys as ASTREES' administrators see them (ids and dates only), and rotation on demand. */
@RestController
@RequestMapping("/api/network/signing-keys")
class SigningKeyController {

    private final SigningKeys keys;

    SigningKeyController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    List<SigningKeys.KeyInfo> list() {
        CurrentGrants.requireNetworkRole(NetworkRole.NETWORK_ADMIN);
        return keys.list();
    }

    /** A new key signs from now on; the previous one stays published until the tokens it signed have expired. */
    @PostMapping("/rotate")
    SigningKeys.KeyInfo rotate() {
        CurrentGrants.requireNetworkRole(NetworkRole.NETWORK_ADMIN);
        return keys.rotate();
    }
}
