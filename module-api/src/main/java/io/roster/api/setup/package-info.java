/** An installation as a whole: {@link io.roster.api.setup.SetupService} loads the demo data set. */
package io.roster.api.setup;
