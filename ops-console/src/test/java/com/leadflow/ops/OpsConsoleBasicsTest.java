package com.leadflow.ops;

import com.leadflow.ops.support.OpsConsoleIntegrationTest;
import com.leadflow.test.ServiceBasicsScenarios;

/** The console reports healthy to anyone and keeps its metrics from anonymous callers, as every service does. */
@OpsConsoleIntegrationTest
class OpsConsoleBasicsTest extends ServiceBasicsScenarios {
}
