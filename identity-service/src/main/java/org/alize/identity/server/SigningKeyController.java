package org.alize.identity.server;

import java.util.List;

import org.alize.tenancy.NetworkRole;
import org.alize.tenancy.web.RequiresNetworkRole;
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
    @RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
    List<SigningKeys.KeyInfo> list() {
        return keys.list();
    }

    /** A new key signs from now on; the previous one stays published until the tokens it signed have expired. */
    @PostMapping("/rotate")
    @RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
    SigningKeys.KeyInfo rotate() {
        return keys.rotate();
    }
}
