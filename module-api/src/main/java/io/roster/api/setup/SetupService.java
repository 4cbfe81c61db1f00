package io.roster.api.setup;

/** Facts about an installation as a whole: the demo data set. */
public interface SetupService {

    /**
     * Fills an empty installation with the demo data set: an org tree with the Omsk region and its districts and
     * the Chernihiv oblast and its raions, and a few hundred members with Russian and Ukrainian names, contacts and
     * consents. Runs once per database: a second call changes nothing. Needs no bound caller (runs as the system).
     *
     * @return what was loaded; {@link DemoDataResult#loaded()} is {@code false} when it had been loaded before
     */
    DemoDataResult loadDemoData();
}
