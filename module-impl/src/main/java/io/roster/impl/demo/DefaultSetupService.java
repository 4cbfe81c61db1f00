package io.roster.impl.demo;

import io.roster.api.common.Language;
import io.roster.api.member.Address;
import io.roster.api.member.Consent;
import io.roster.api.member.ContactChannel;
import io.roster.api.member.Email;
import io.roster.api.member.Gender;
import io.roster.api.member.MemberDraft;
import io.roster.api.member.MemberService;
import io.roster.api.member.MemberStatus;
import io.roster.api.member.Phone;
import io.roster.api.member.Position;
import io.roster.api.org.NewOrgUnit;
import io.roster.api.org.OrgService;
import io.roster.api.org.OrgUnit;
import io.roster.api.org.OrgUnitKind;
import io.roster.api.security.Caller;
import io.roster.api.security.CallerContext;
import io.roster.api.setup.DemoDataResult;
import io.roster.api.setup.SetupService;
import io.roster.impl.common.RosterClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A realistic, deterministic sample: the same seed gives the same people on every installation, so screenshots and
 * docs stay true.
 */
@ApplicationScoped
public class DefaultSetupService implements SetupService {
    static final String FACT = "demo-data";
    static final int MEMBERS_PER_REGION = 150;

    @PersistenceContext
    EntityManager em;

    @Inject
    CallerContext callers;

    @Inject
    OrgService orgs;

    @Inject
    MemberService members;

    @Inject
    RosterClock clock;

    @Override
    @Transactional
    public DemoDataResult loadDemoData() {
        int claimed = em.createNativeQuery(
                        "insert into installation_fact (name, value, created_at) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, FACT)
                .setParameter(2, "v1")
                .setParameter(3, clock.now())
                .executeUpdate();
        if (claimed == 0) {
            return new DemoDataResult(false, 0, 0);
        }
        return callers.runAs(Caller.system(), this::load);
    }

    private DemoDataResult load() {
        Random random = new Random(20261123L);
        List<OrgUnit> units = new ArrayList<>();
        OrgUnit root = unit(units, "DEMO", "Демо-организация", OrgUnitKind.NATIONAL, null);

        OrgUnit omsk = unit(units, "RU-OMS", "Омское региональное отделение", OrgUnitKind.REGION, root);
        List<OrgUnit> omskLocal = new ArrayList<>();
        String[][] omskDistricts = {
            {"RU-OMS-CEN", "Центральный район"},
            {"RU-OMS-LEN", "Ленинский район"},
            {"RU-OMS-KIR", "Кировский район"},
            {"RU-OMS-SOV", "Советский район"},
            {"RU-OMS-OKT", "Октябрьский район"},
            {"RU-OMS-TAR", "Тарский район"}
        };
        for (String[] d : omskDistricts) {
            OrgUnit district = unit(units, d[0], d[1], OrgUnitKind.DISTRICT, omsk);
            omskLocal.add(district);
            omskLocal.add(
                    unit(units, d[0] + "-1", "Первичное отделение № 1 (" + d[1] + ")", OrgUnitKind.BRANCH, district));
        }

        OrgUnit chernihiv = unit(units, "UA-CHE", "Чернігівська обласна організація", OrgUnitKind.REGION, root);
        List<OrgUnit> cheLocal = new ArrayList<>();
        String[][] cheRaions = {
            {"UA-CHE-CHE", "Чернігівський район"},
            {"UA-CHE-NIZ", "Ніжинський район"},
            {"UA-CHE-PRY", "Прилуцький район"},
            {"UA-CHE-KOR", "Корюківський район"},
            {"UA-CHE-NOV", "Новгород-Сіверський район"}
        };
        for (String[] d : cheRaions) {
            OrgUnit raion = unit(units, d[0], d[1], OrgUnitKind.DISTRICT, chernihiv);
            cheLocal.add(raion);
            cheLocal.add(unit(units, d[0] + "-1", "Первинний осередок № 1 (" + d[1] + ")", OrgUnitKind.BRANCH, raion));
        }

        int count = 0;
        for (int i = 0; i < MEMBERS_PER_REGION; i++) {
            members.create(person(random, omskLocal.get(random.nextInt(omskLocal.size())), false, i), true);
            count++;
        }
        for (int i = 0; i < MEMBERS_PER_REGION; i++) {
            members.create(person(random, cheLocal.get(random.nextInt(cheLocal.size())), true, i), true);
            count++;
        }
        return new DemoDataResult(true, units.size(), count);
    }

    private OrgUnit unit(List<OrgUnit> all, String code, String name, OrgUnitKind kind, OrgUnit parent) {
        OrgUnit u = orgs.create(new NewOrgUnit(code, name, kind, parent == null ? null : parent.id()));
        all.add(u);
        return u;
    }

    private MemberDraft person(Random r, OrgUnit unit, boolean ukrainian, int n) {
        boolean female = r.nextBoolean();
        DemoNames names = ukrainian ? DemoNames.UKRAINIAN : DemoNames.RUSSIAN;
        String given = pick(r, female ? names.femaleGiven() : names.maleGiven());
        int father = r.nextInt(names.malePatronymics().length);
        String patronymic = female ? names.femalePatronymics()[father] : names.malePatronymics()[father];
        String family = pick(r, names.familyNames());
        if (female) {
            family = names.feminine(family);
        }
        LocalDate birth = LocalDate.of(1950 + r.nextInt(55), 1 + r.nextInt(12), 1 + r.nextInt(28));
        MemberStatus status = pick(r, MemberStatus.values());
        if (status == MemberStatus.LEFT || status == MemberStatus.SUSPENDED) {
            status = MemberStatus.SUPPORTER;
        }
        String number = status == MemberStatus.MEMBER ? (ukrainian ? "UA-" : "RU-") + (10000 + n) : null;
        String phone = ukrainian
                ? "+380" + pick(r, new String[] {"50", "63", "66", "67", "68", "93", "95", "97"}) + digits(r, 7)
                : "+7" + pick(r, new String[] {"913", "923", "950", "960", "962", "983"}) + digits(r, 7);
        String email = DemoNames.latin(given).toLowerCase() + "."
                + DemoNames.latin(family).toLowerCase() + n + "@example.org";
        Instant consentAt = Instant.parse("2025-01-15T10:00:00Z").plusSeconds(r.nextInt(20_000_000));
        List<Consent> consents = new ArrayList<>();
        consents.add(new Consent(ContactChannel.EMAIL, true, "paper form", "анкета № " + (500 + n), consentAt));
        if (r.nextInt(3) > 0) {
            consents.add(new Consent(ContactChannel.TELEGRAM, true, "telegram", "/start in the branch bot", consentAt));
        }
        if (r.nextInt(4) == 0) {
            consents.add(new Consent(ContactChannel.SMS, r.nextBoolean(), "phone call", "устное согласие", consentAt));
        }
        Set<String> tags = new TreeSet<>();
        for (String t : names.tags()) {
            if (r.nextInt(5) == 0) {
                tags.add(t);
            }
        }
        Set<String> skills = new TreeSet<>();
        for (String s : names.skills()) {
            if (r.nextInt(6) == 0) {
                skills.add(s);
            }
        }
        List<Position> positions = n % 25 == 0
                ? List.of(new Position(names.position(), unit.id(), LocalDate.of(2022, 9, 1), null))
                : List.of();
        Address address = new Address(
                null,
                ukrainian ? "14000" : "644000",
                ukrainian ? "UA" : "RU",
                ukrainian ? "Чернігівська область" : "Омская область",
                ukrainian ? "Чернігів" : "Омск",
                pick(r, names.streets()),
                String.valueOf(1 + r.nextInt(120)),
                r.nextBoolean() ? String.valueOf(1 + r.nextInt(200)) : null,
                true,
                null);
        return new MemberDraft(
                unit.id(),
                given,
                patronymic,
                family,
                birth,
                female ? Gender.FEMALE : Gender.MALE,
                ukrainian ? Language.UK : Language.RU,
                status,
                number,
                status == MemberStatus.MEMBER ? LocalDate.of(2015 + r.nextInt(10), 1 + r.nextInt(12), 1) : null,
                null,
                1 + r.nextInt(5),
                positions,
                tags,
                skills,
                List.of(new Phone(phone, "mobile", true, null)),
                List.of(new Email(email, null, true, null)),
                r.nextInt(3) == 0 ? DemoNames.latin(given).toLowerCase() + "_" + (1000 + n) : null,
                List.of(address),
                consents,
                r.nextInt(20) == 0 ? EnumSet.of(ContactChannel.PHONE) : Set.of(),
                Map.of());
    }

    private static String digits(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(r.nextInt(10));
        }
        return b.toString();
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
