package dev.eshop.launcher.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo shop: the category tree, three warehouses far apart, and forty vehicles (fictional brands)
 * with prices, attributes (spec services.md §2.2), a body style and colour for their picture, and
 * where their stock lies.
 */
public final class DemoCatalogue {

    private DemoCatalogue() {
    }

    public record Category(String name, String slug, List<Category> children) {

        static Category leaf(String name, String slug) {
            return new Category(name, slug, List.of());
        }
    }

    public record Warehouse(String name, String street, String city, String state, String zipCode) {
    }

    /**
     * @param category   slug of its (child) category
     * @param style      the silhouette drawn for it ({@link VehiclePainter})
     * @param paint      its colour as 0xRRGGBB (the {@code color} attribute names it)
     * @param mainStock  units created with it, placed in the main warehouse (New York)
     * @param toChicago  units then transferred from New York to Chicago
     * @param restockSf  units then restocked into San Francisco
     */
    public record Vehicle(String name, String category, String price, String style, int paint, Map<String, Object> attributes,
                          String description, int mainStock, int toChicago, int restockSf) {

        public int totalStock() {
            return mainStock + restockSf;
        }
    }

    public static final List<Category> CATEGORIES = List.of(
            new Category("Cars", "cars", List.of(
                    Category.leaf("Sedan", "sedan"),
                    Category.leaf("SUV", "suv"),
                    Category.leaf("Hatchback", "hatchback"),
                    Category.leaf("Coupe", "coupe"),
                    Category.leaf("Pickup", "pickup"),
                    Category.leaf("Sports", "sports"),
                    Category.leaf("Electric", "electric"))),
            new Category("Motorcycles", "motorcycles", List.of(
                    Category.leaf("Sport bikes", "sport-bikes"),
                    Category.leaf("Naked", "naked"),
                    Category.leaf("Cruiser", "cruiser"),
                    Category.leaf("Touring", "touring"),
                    Category.leaf("Scooter", "scooter"),
                    Category.leaf("Off-road", "off-road"))));

    /** The first one created becomes the main warehouse. */
    public static final List<Warehouse> WAREHOUSES = List.of(
            new Warehouse("New York Depot", "410 West 34th Street", "New York", "NY", "10001"),
            new Warehouse("Chicago Depot", "233 South Wacker Drive", "Chicago", "IL", "60601"),
            new Warehouse("San Francisco Depot", "500 Howard Street", "San Francisco", "CA", "94105"));

    public static final List<Vehicle> VEHICLES = List.of(
            // Sedans
            car("Northwind Meridian 2.0 Touring", "sedan", "34900.00", "sedan", 0x1F3A68, "Northwind", "Meridian", 2025,
                    "petrol", "automatic", 1998, 190, "Deep Ocean Blue", 5, 0, 6, 2, 2,
                    "A quiet, roomy family sedan with adaptive cruise control and a 10-inch touch screen."),
            car("Aurora Lumen Hybrid", "sedan", "38450.00", "sedan", 0xC9CCD1, "Aurora", "Lumen", 2026,
                    "hybrid", "automatic", 1798, 138, "Moonstone Silver", 5, 0, 8, 3, 2,
                    "A frugal full hybrid: 4.3 l/100 km in town, heated seats front and back."),
            car("Valdera Sorrento 3.0 V6", "sedan", "52900.00", "sedan", 0x202124, "Valdera", "Sorrento", 2025,
                    "petrol", "automatic", 2996, 340, "Nero Black", 5, 0, 4, 1, 1,
                    "Grand touring comfort with a twin-turbo V6, air suspension and a leather interior."),
            car("Kestrel Ardent 1.6 TDI", "sedan", "27990.00", "sedan", 0x8C1C13, "Kestrel", "Ardent", 2023,
                    "diesel", "manual", 1598, 115, "Garnet Red", 5, 41200, 3, 1, 0,
                    "One owner, full service history, new tyres. Covers 900 km on a tank."),
            // SUVs
            car("Ironbridge Tundra XL AWD", "suv", "61900.00", "suv", 0x3B4A3F, "Ironbridge", "Tundra XL", 2026,
                    "diesel", "automatic", 2993, 286, "Forest Green", 7, 0, 5, 2, 2,
                    "Seven seats, permanent all-wheel drive and 3.5 t towing for the whole family and the boat."),
            car("Aurora Vista Plug-in", "suv", "47300.00", "suv", 0xF2F2F0, "Aurora", "Vista", 2025,
                    "plug_in_hybrid", "automatic", 2487, 302, "Pearl White", 5, 0, 6, 2, 3,
                    "Drives 70 km on electricity alone, then as a hybrid. Panoramic roof as standard."),
            car("Baltic Fjord 2.0 4x4", "suv", "39800.00", "suv", 0x5B6770, "Baltic", "Fjord", 2024,
                    "petrol", "automatic", 1984, 245, "Granite Grey", 5, 12800, 4, 1, 1,
                    "Compact SUV with a real 4x4 system, hill descent control and roof rails."),
            car("Solano Mesa Compact", "suv", "29950.00", "suv", 0xD35400, "Solano", "Mesa", 2025,
                    "petrol", "manual", 1332, 150, "Canyon Orange", 5, 0, 7, 2, 1,
                    "A nimble city SUV with a high seating position and a surprisingly big boot."),
            // Hatchbacks
            car("Kestrel Pip 1.0", "hatchback", "18990.00", "hatchback", 0xF1C40F, "Kestrel", "Pip", 2025,
                    "petrol", "manual", 999, 95, "Lemon Yellow", 5, 0, 9, 3, 2,
                    "The small car that parks anywhere: 3.7 m long, five doors, Apple CarPlay."),
            car("Northwind Breeze GTI", "hatchback", "33500.00", "hatchback", 0xB71C1C, "Northwind", "Breeze GTI", 2026,
                    "petrol", "manual", 1984, 265, "Tornado Red", 5, 0, 4, 1, 1,
                    "The hot hatch: limited-slip differential, sports seats, 0–100 km/h in 6.1 s."),
            car("Solano Piccolo Hybrid", "hatchback", "22700.00", "hatchback", 0x2E86C1, "Solano", "Piccolo", 2024,
                    "hybrid", "automatic", 1490, 116, "Riviera Blue", 5, 9800, 5, 2, 0,
                    "A light, efficient hybrid hatchback, nearly new, still under factory warranty."),
            // Coupes
            car("Valdera Allegro Coupe", "coupe", "58900.00", "coupe", 0x6C3483, "Valdera", "Allegro", 2025,
                    "petrol", "automatic", 2998, 382, "Amethyst Purple", 4, 0, 3, 1, 1,
                    "A four-seat grand tourer with frameless doors and a sound to match its looks."),
            car("Baltic Corsa 2.0T", "coupe", "44500.00", "coupe", 0xECF0F1, "Baltic", "Corsa", 2026,
                    "petrol", "manual", 1998, 258, "Glacier White", 4, 0, 4, 1, 1,
                    "Rear-wheel drive, a six-speed manual and perfect weight distribution."),
            // Pickups
            car("Ironbridge Ranger HD", "pickup", "54900.00", "pickup", 0x1B2631, "Ironbridge", "Ranger HD", 2025,
                    "diesel", "automatic", 3000, 250, "Midnight Navy", 5, 0, 5, 2, 2,
                    "Double cab, 1.1 t payload and a bed liner. Works hard on Monday, camps on Saturday."),
            car("Solano Sierra Work", "pickup", "38900.00", "pickup", 0xA04000, "Solano", "Sierra", 2023,
                    "diesel", "manual", 2393, 150, "Rust Copper", 2, 38500, 3, 1, 0,
                    "Single cab workhorse with a tow bar and a fresh service."),
            // Sports
            car("Valdera Fulmine GT", "sports", "148000.00", "sports", 0xC0392B, "Valdera", "Fulmine", 2026,
                    "petrol", "automatic", 3902, 620, "Rosso Corsa", 2, 0, 2, 1, 0,
                    "Mid-engined, carbon-ceramic brakes, 0–100 km/h in 2.9 s. For those who cannot wait."),
            car("Kestrel Strider RS", "sports", "89500.00", "sports", 0x17A589, "Kestrel", "Strider RS", 2025,
                    "petrol", "manual", 3600, 450, "Racing Teal", 2, 0, 3, 1, 1,
                    "A lightweight two-seater with a naturally aspirated flat six and a manual gearbox."),
            car("Northwind Apex Roadster", "sports", "72900.00", "sports", 0xF39C12, "Northwind", "Apex", 2024,
                    "petrol", "automatic", 2998, 387, "Sunburst Amber", 2, 6400, 0, 0, 0,
                    "Fabric roof that opens in 10 s at up to 50 km/h. Currently sold out; more are on their way."),
            // Electric
            car("Volta Arc Long Range", "electric", "49900.00", "electric", 0x85929E, "Volta", "Arc", 2026,
                    "electric", "automatic", 0, 350, "Titanium Grey", 5, 0, 8, 3, 3,
                    "602 km of range (WLTP), charges from 10 to 80 % in 18 minutes."),
            car("Volta Pulse", "electric", "34900.00", "hatchback", 0x48C9B0, "Volta", "Pulse", 2025,
                    "electric", "automatic", 0, 204, "Mint Green", 5, 0, 7, 2, 2,
                    "A compact electric car with 420 km range and a heat pump for cold winters."),
            car("Aurora Ion SUV", "electric", "64500.00", "suv", 0x154360, "Aurora", "Ion", 2026,
                    "electric", "automatic", 0, 490, "Electric Blue", 7, 0, 4, 1, 2,
                    "Dual-motor all-wheel drive, seven seats and vehicle-to-load power for your camping trip."),
            car("Volta Spark Coupe", "electric", "82900.00", "electric", 0xE5E7E9, "Volta", "Spark", 2026,
                    "electric", "automatic", 0, 670, "Arctic Silver", 4, 0, 3, 1, 1,
                    "Three motors, torque vectoring, 0–100 km/h in 2.6 s, silent all the way."),
            car("Kestrel Volt City", "electric", "27400.00", "hatchback", 0xFF7675, "Kestrel", "Volt City", 2024,
                    "electric", "automatic", 0, 136, "Coral Pink", 4, 15200, 0, 0, 0,
                    "The friendly city EV. This one has found a home; the next batch is ordered."),
            car("Ironbridge Volt Pickup", "electric", "72500.00", "pickup", 0x34495E, "Ironbridge", "Volt Pickup", 2026,
                    "electric", "automatic", 0, 580, "Slate Blue", 5, 0, 3, 1, 1,
                    "An all-electric double-cab pickup with a lockable front trunk and 4.5 t towing."),

            // Sport bikes
            bike("Fulmine R1000 Corsa", "sport-bikes", "24900.00", "sport", 0xC0392B, "Fulmine", "R1000 Corsa", 2026,
                    999, 214, "Racing Red", 0, 4, 1, 1,
                    "A superbike for the road: winglets, quick-shifter both ways and cornering ABS."),
            bike("Strada SR 600", "sport-bikes", "12990.00", "sport", 0x1F618D, "Strada", "SR 600", 2025,
                    649, 95, "Team Blue", 0, 6, 2, 2,
                    "An approachable sport bike with an inline four that loves to rev."),
            bike("Tanaka Hayate 750", "sport-bikes", "15400.00", "sport", 0x27AE60, "Tanaka", "Hayate", 2024,
                    749, 136, "Lime Green", 3100, 3, 1, 0,
                    "Low mileage, tail tidy and frame sliders fitted."),
            // Naked
            bike("Strada Nuda 900", "naked", "11990.00", "naked", 0xF1C40F, "Strada", "Nuda 900", 2025,
                    890, 117, "Fluo Yellow", 0, 5, 2, 1,
                    "A torquey three-cylinder roadster with a TFT dash and riding modes."),
            bike("Ridgeback Bruiser 1300", "naked", "16700.00", "naked", 0x2C3E50, "Ridgeback", "Bruiser", 2026,
                    1301, 180, "Matte Black", 0, 3, 1, 1,
                    "The hooligan: a big V-twin in a short chassis with fully adjustable suspension."),
            bike("Tanaka Kaze 300", "naked", "5490.00", "naked", 0xE67E22, "Tanaka", "Kaze", 2025,
                    292, 38, "Sunset Orange", 0, 8, 3, 2,
                    "Light, friendly and licence-friendly: the perfect first motorcycle."),
            // Cruisers
            bike("Ridgeback Highway 1800", "cruiser", "23900.00", "cruiser", 0x641E16, "Ridgeback", "Highway", 2025,
                    1868, 94, "Burgundy", 0, 4, 1, 1,
                    "A low, long cruiser with a big-bore V-twin, forward controls and chrome everywhere."),
            bike("Harrow Nomad 1100", "cruiser", "14600.00", "cruiser", 0x0E6251, "Harrow", "Nomad", 2024,
                    1084, 86, "Emerald", 8700, 3, 1, 0,
                    "Solo seat, pull-back bars and a relaxed riding position for long summer evenings."),
            // Touring
            bike("Harrow Voyager GT", "touring", "29900.00", "touring", 0x515A5A, "Harrow", "Voyager GT", 2026,
                    1649, 160, "Graphite", 0, 3, 1, 1,
                    "Heated grips and seats, electric screen, 140 l of luggage and cruise control."),
            bike("Strada Tourer 1250", "touring", "21500.00", "touring", 0xA93226, "Strada", "Tourer 1250", 2025,
                    1254, 136, "Alpine Red", 0, 4, 1, 2,
                    "An adventure tourer with semi-active suspension and a 30 l tank."),
            // Scooters
            bike("Vespina Cittadina 125", "scooter", "3990.00", "scooter", 0x5DADE2, "Vespina", "Cittadina", 2026,
                    125, 12, "Sky Blue", 0, 10, 3, 3,
                    "The classic city scooter with a steel body, a flat floor and space for a helmet under the seat."),
            bike("Tanaka Glide 300", "scooter", "6290.00", "scooter", 0xFDFEFE, "Tanaka", "Glide", 2025,
                    292, 28, "Bianco", 0, 6, 2, 2,
                    "A maxi scooter for the commute: ABS, keyless start, two helmets under the seat."),
            bike("Volta E-Moto Urban", "scooter", "7490.00", "scooter", 0x1ABC9C, "Volta", "E-Moto Urban", 2026,
                    0, 11, "Turquoise", 0, 5, 2, 1,
                    "An electric scooter with a removable battery you charge at home: 110 km of range."),
            // Off-road
            bike("Ridgeback Dirt 450", "off-road", "10400.00", "offroad", 0xE74C3C, "Ridgeback", "Dirt 450", 2026,
                    449, 63, "Factory Red", 0, 4, 1, 1,
                    "A competition enduro bike with a six-speed box and map switch."),
            bike("Tanaka Trail 250", "off-road", "6990.00", "offroad", 0x2874A6, "Tanaka", "Trail", 2025,
                    249, 24, "Trail Blue", 0, 6, 2, 2,
                    "Road-legal trail bike that is light enough to pick up when you drop it."),
            bike("Fulmine Rally 700", "off-road", "12900.00", "offroad", 0xF4D03F, "Fulmine", "Rally 700", 2024,
                    689, 74, "Desert Sand", 5400, 0, 0, 0,
                    "A twin-cylinder rally bike with long-travel suspension. Sold out for now."));

    private static Vehicle car(String name, String category, String price, String style, int paint, String brand,
                               String model, int year, String fuel, String transmission, int engineCc, int powerHp,
                               String color, int seats, int mileageKm, int mainStock, int toChicago, int restockSf,
                               String description) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("brand", brand);
        attributes.put("model", model);
        attributes.put("year", year);
        attributes.put("fuel", fuel);
        attributes.put("transmission", transmission);
        attributes.put("engine_cc", engineCc);
        attributes.put("power_hp", powerHp);
        attributes.put("color", color);
        attributes.put("seats", seats);
        attributes.put("mileage_km", mileageKm);
        attributes.put("body", styleName(style));
        attributes.put("doors", seats <= 2 ? 2 : style.equals("coupe") || style.equals("sports") ? 2 : 4);
        if (fuel.equals("electric")) {
            attributes.put("range_km", Math.max(300, powerHp + 200));
        }
        return new Vehicle(name, category, price, style, paint, attributes, description, mainStock, toChicago, restockSf);
    }

    private static Vehicle bike(String name, String category, String price, String style, int paint, String brand,
                                String model, int year, int engineCc, int powerHp, String color, int mileageKm,
                                int mainStock, int toChicago, int restockSf, String description) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("brand", brand);
        attributes.put("model", model);
        attributes.put("year", year);
        attributes.put("fuel", engineCc == 0 ? "electric" : "petrol");
        attributes.put("transmission", style.equals("scooter") ? "automatic" : "manual");
        attributes.put("engine_cc", engineCc);
        attributes.put("power_hp", powerHp);
        attributes.put("color", color);
        attributes.put("seats", style.equals("offroad") || style.equals("sport") ? 1 : 2);
        attributes.put("mileage_km", mileageKm);
        attributes.put("abs", !style.equals("offroad"));
        attributes.put("seat_height_mm", switch (style) {
            case "cruiser" -> 690;
            case "scooter" -> 780;
            case "offroad" -> 940;
            case "touring" -> 850;
            default -> 820;
        });
        return new Vehicle(name, category, price, style, paint, attributes, description, mainStock, toChicago, restockSf);
    }

    private static String styleName(String style) {
        return switch (style) {
            case "suv" -> "SUV";
            case "sports" -> "roadster";
            case "electric" -> "fastback";
            default -> style;
        };
    }
}
