package dev.eshop.platform.web.testapp;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Stands for a service's operational endpoints, which the platform keeps for ADMIN. */
@RestController
class OpsController {

    @GetMapping("/v1/ops/ping")
    Map<String, String> ping() {
        return Map.of("ops", "ok");
    }
}
