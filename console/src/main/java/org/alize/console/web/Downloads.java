package org.alize.console.web;

import org.alize.console.api.Api;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** A file the API served, handed to the browser as a download with a French file name. */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<byte[]> file(Api.Download file, String name) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, file.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.bytes());
    }
}
