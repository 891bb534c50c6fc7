import { CSV_FIELDS, type FieldKey } from "./fields";
import { parseWeightUnit } from "./values";
import type { WeightUnit } from "@/lib/weights";

/** Column index → the field it fills, or null for a column that is not imported. */
export type ColumnMapping = Record<number, FieldKey | null>;

/**
 * A first guess at the mapping, from the header names alone; the merchant adjusts it. Headers are
 * compared normalised (see `normalizeHeader`), against ShipStation's own field names, common
 * spellings, and the columns of Shopify's order export and of WooCommerce's two usual order
 * exporters ("Customer / Order / Coupon Export" and "Advanced Order Export").
 *
 * Each field goes to one column at most. A name that means the field exactly ("Shipping Address1")
 * beats a looser one ("Shipping Street", "Order ID" next to "Order Number", a bare "City"), wherever
 * the columns are; between names of the same strength the first column wins.
 *
 * Files that split the recipient's name ("Shipping First Name", "Shipping Last Name") get the
 * `shipTo.firstName` / `shipTo.lastName` pseudo-fields (see `CsvField.partOf`): the importer joins
 * them into `shipTo.name`, and they satisfy its requirement in `missingRequiredFields`.
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const shopify = headers.some((header) => compact(normalizeHeader(header)).startsWith("lineitem"));
  const matches = headers.map((header) => matchHeader(header, shopify));
  const mapping: ColumnMapping = {};
  const taken = new Set<FieldKey>();
  for (const strength of [STRONG, WEAK]) {
    matches.forEach((match, index) => {
      if (match?.strength !== strength || taken.has(match.field)) return;
      mapping[index] = match.field;
      taken.add(match.field);
    });
  }
  headers.forEach((_, index) => (mapping[index] ??= null));
  return mapping;
}

/**
 * The unit weights without one are read in, when the headers of the weight columns name one
 * ("Gewicht (g)", "Weight (kg)", "Weight in lb") and agree on it.
 */
export function suggestWeightUnit(headers: readonly string[], mapping: ColumnMapping): WeightUnit | null {
  const units = new Set<WeightUnit>();
  headers.forEach((header, index) => {
    if (mapping[index] !== "weight" && mapping[index] !== "item.weight") return;
    const named = /(?:\(\s*([a-z.]+)\s*\)|\[\s*([a-z.]+)\s*\]|\bin\s+([a-z.]+))\s*$/i.exec(header.trim());
    const unit = named ? parseWeightUnit(named[1] ?? named[2] ?? named[3]) : null;
    if (unit?.ok) units.add(unit.value);
  });
  return units.size === 1 ? [...units][0] : null;
}

/**
 * The header guess checked against the rows: a column guessed as the order's weight whose values
 * differ between the rows of one order is each item's weight (ShipStation's per-item "Weight (oz)"),
 * since an order-level column must agree across the order's rows.
 */
export function refineMappingWithRows(mapping: ColumnMapping, rows: readonly (readonly string[])[]): ColumnMapping {
  const columnOf = (field: FieldKey) => Object.entries(mapping).find(([, mapped]) => mapped === field)?.[0];
  const weightColumn = columnOf("weight");
  const numberColumn = columnOf("orderNumber");
  if (weightColumn === undefined || numberColumn === undefined || columnOf("item.weight") !== undefined) return mapping;
  const weightOf = new Map<string, string>();
  for (const row of rows) {
    const number = row[Number(numberColumn)]?.trim();
    const weight = row[Number(weightColumn)]?.trim() ?? "";
    if (!number) continue;
    const seen = weightOf.get(number);
    if (seen === undefined) weightOf.set(number, weight);
    else if (seen !== weight) return { ...mapping, [weightColumn]: "item.weight" };
  }
  return mapping;
}

/** Required fields no column is mapped to, in `CSV_FIELDS` order. */
export function missingRequiredFields(mapping: Readonly<Record<number, FieldKey | null | undefined>>): FieldKey[] {
  const mapped = new Set<FieldKey>();
  for (const field of Object.values(mapping)) if (field) mapped.add(field);
  for (const field of CSV_FIELDS) if (field.partOf && mapped.has(field.key)) mapped.add(field.partOf);
  return CSV_FIELDS.filter((field) => field.required && !mapped.has(field.key)).map((field) => field.key);
}

/**
 * Identifies a header row, so a mapping saved for one file is offered again for the next file
 * with the same columns in the same order. Case and surrounding/repeated spaces do not matter.
 */
export function headersSignature(headers: readonly string[]): string {
  const canonical = headers.map((header) => header.replace(/^\uFEFF/, "").trim().replace(/\s+/g, " ").toLowerCase()).join("\u001f");
  return `${headers.length}-${hash(canonical)}`;
}

/**
 * A header as words for comparison: accents, case, punctuation and camelCase dropped; "#", "No.",
 * "Nr" and "Num" read as "number"; "(required)" dropped; WooCommerce's "City (Shipping)" read as
 * "shipping city". "Order #" → "order number", "ShipTo_ZipCode" → "ship to zip code".
 */
export function normalizeHeader(header: string): string {
  let text = header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/\(required\)|\*/g, " ")
    .trim();
  text = text.replace(/^(.*?)\s*\((shipping|billing|ship to|bill to)\)$/, "$2 $1");
  text = text.replace(/#/g, " number ").replace(/\b(no|nr|num|nbr)\./g, " number ");
  return text
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((word) => (NUMBER_WORDS.has(word) ? "number" : word))
    .join(" ");
}

const NUMBER_WORDS = new Set(["no", "nr", "num", "nbr", "numero"]);

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

const STRONG = 1;
const WEAK = 2;
type Strength = typeof STRONG | typeof WEAK;
interface Alias {
  field: FieldKey;
  strength: Strength;
}

function compact(normalized: string): string {
  return normalized.replace(/ /g, "");
}

function matchHeader(header: string, shopify: boolean): Alias | null {
  const normalized = normalizeHeader(header);
  const key = compact(normalized);
  // Shopify's order number is its "Name" column ("#1001"); elsewhere a bare "Name" is the recipient's.
  if (key === "name") return shopify ? { field: "orderNumber", strength: STRONG } : { field: "shipTo.name", strength: WEAK };
  const exact = ALIASES.get(key);
  if (exact) return exact;
  // "Weight (oz)", "Total (EUR)": try again without a trailing unit in parentheses.
  const withoutUnit = header.replace(/\s*\([^()]*\)\s*$/, "");
  if (withoutUnit !== header && withoutUnit.trim() !== "") return ALIASES.get(compact(normalizeHeader(withoutUnit))) ?? null;
  return null;
}

const ALIASES = new Map<string, Alias>();

function alias(field: FieldKey, strength: Strength, names: readonly string[]): void {
  for (const name of names) {
    const key = compact(normalizeHeader(name));
    const existing = ALIASES.get(key);
    if (existing && existing.field !== field) throw new Error(`CSV header alias "${name}" is claimed by ${existing.field} and ${field}`);
    if (!existing || strength < existing.strength) ALIASES.set(key, { field, strength });
  }
}

// Order
alias("orderNumber", STRONG, ["Order Number", "Order", "Order - Number", "Order Reference", "Order Ref", "Order Name"]);
alias("orderNumber", WEAK, ["Order ID", "Order Number Formatted", "Number", "Reference", "Order Key"]);
alias("orderDate", STRONG, ["Order Date", "Date - Order Date", "Created at", "Order Created", "Date Created", "Created Date", "Creation Date", "Purchase Date", "Order Placed", "Placed at", "Ordered at", "Date Ordered", "Order Date Time", "Order Time"]);
alias("orderDate", WEAK, ["Date", "Created"]);
alias("status", STRONG, ["Order Status", "Status", "Order - Status", "Fulfillment Status", "Fulfilment Status"]);
alias("paymentStatus", STRONG, ["Financial Status", "Payment Status", "Paid Status", "Payment State", "Zahlungsstatus", "Statut du paiement", "Estado del pago"]);
alias("paymentDate", STRONG, ["Payment Date", "Paid at", "Paid Date", "Date Paid", "Date - Paid Date", "Paid on", "Date of Payment"]);
alias("shipByDate", STRONG, ["Ship By Date", "Ship By", "Date - Ship By Date", "Ship By Date Time"]);
alias("shipByDate", WEAK, ["Due Date", "Dispatch By"]);
alias("customerEmail", STRONG, ["Email", "E-mail", "Email Address", "Customer Email", "Customer - Email", "Buyer Email", "Billing Email", "Bill To - Email", "Ship To - Email", "Shipping Email", "Recipient Email", "Contact Email"]);
alias("customerEmail", WEAK, ["Customer User Email", "User Email"]);
alias("customerUsername", STRONG, ["Customer Username", "Customer - Username", "Username", "User Name", "Buyer Username", "Customer Login", "User Login"]);
alias("amountPaid", STRONG, ["Amount Paid", "Amount - Amount Paid", "Paid Amount", "Total Paid", "Payment Amount"]);
alias("taxAmount", STRONG, ["Tax Paid", "Tax", "Taxes", "Tax Amount", "Tax Total", "Total Tax", "Order Tax", "Order Tax Amount", "Order Total Tax Amount", "Amount - Order Tax", "Amount - Tax Paid", "Sales Tax", "VAT"]);
alias("shippingAmount", STRONG, ["Shipping Paid", "Shipping", "Shipping Amount", "Shipping Total", "Shipping Charge", "Shipping Fee", "Shipping Price", "Order Shipping", "Order Shipping Amount", "Amount - Order Shipping", "Amount - Shipping Paid", "Postage Paid"]);
alias("shippingAmount", WEAK, ["Shipping Cost"]);
alias("orderTotal", STRONG, ["Order Total", "Total", "Grand Total", "Total Amount", "Order Total Amount", "Order Amount", "Amount - Order Total", "Order Value"]);
alias("currency", STRONG, ["Currency", "Currency Code", "Order Currency"]);
alias("weight", STRONG, ["Weight", "Order Weight", "Total Weight", "Package Weight", "Shipment Weight", "Total Weight in Oz"]);
alias("weightUnit", STRONG, ["Weight Unit", "Weight Units", "Weight UOM", "Unit of Weight"]);
alias("requestedShippingService", STRONG, ["Requested Service", "Requested Shipping Service", "Shipping Service", "Shipping Method", "Shipping Method Title", "Ship Method", "Shipping Option", "Delivery Method"]);
alias("requestedShippingService", WEAK, ["Service"]);
alias("customerNotes", STRONG, ["Notes - From Buyer", "Notes - From Customer", "Customer Notes", "Customer Note", "Buyer Notes", "Buyer Note", "Notes", "Note", "Note from Buyer", "Note from Customer"]);
alias("customerNotes", WEAK, ["Delivery Instructions", "Special Instructions"]);
alias("internalNotes", STRONG, ["Internal Notes", "Notes - Internal", "Internal Note", "Private Notes", "Staff Notes", "Admin Notes"]);
alias("internalNotes", WEAK, ["Order Notes", "Order Note"]);
alias("gift", STRONG, ["Gift", "Is Gift", "Gift Wrap", "Gift Wrap?", "Gift Flag", "Gift - Flag"]);
alias("giftMessage", STRONG, ["Gift Message", "Gift Note", "Gift - Message"]);
for (const n of [1, 2, 3] as const) {
  alias(`customField${n}`, STRONG, [`Custom Field ${n}`, `Custom - Field ${n}`, `Custom ${n}`]);
}

// Addresses: every prefix × every spelling of the part. A part without a prefix ("City", "Zip") is
// the ship-to address's, weakly, so a proper "Ship To - City" elsewhere in the file wins.
const SHIP_TO_PREFIXES = ["Ship To", "Shipping", "Ship", "Shipping Address", "Delivery", "Delivery Address", "Recipient"];
const BILL_TO_PREFIXES = ["Bill To", "Billing", "Bill", "Billing Address"];
const ADDRESS_SPELLINGS: Record<string, { strong: readonly string[]; weak?: readonly string[] }> = {
  name: { strong: ["Name", "Full Name", "Contact Name"] },
  firstName: { strong: ["First Name", "Firstname", "Given Name"] },
  lastName: { strong: ["Last Name", "Lastname", "Surname", "Family Name"] },
  company: { strong: ["Company", "Company Name", "Business Name", "Organization", "Organisation"] },
  street1: {
    strong: ["Address 1", "Address Line 1", "Street 1", "Street Address", "Street Address 1", "Addr 1", "Line 1"],
    weak: ["Address", "Street", "Address 1&2"],
  },
  street2: { strong: ["Address 2", "Address Line 2", "Street 2", "Street Address 2", "Addr 2", "Line 2"] },
  street3: { strong: ["Address 3", "Address Line 3", "Street 3", "Street Address 3", "Addr 3", "Line 3"] },
  city: { strong: ["City", "Town", "City/Town", "Suburb"] },
  state: { strong: ["State", "Province", "State/Province", "State Code", "Province Code", "Region", "State/Region", "County"], weak: ["State Name", "Province Name"] },
  postalCode: { strong: ["Postal Code", "Postcode", "Post Code", "Zip", "Zip Code", "Zipcode", "Postal/Zip Code", "Zip/Postal Code", "Postal"] },
  country: { strong: ["Country", "Country Code"], weak: ["Country Name"] },
  phone: { strong: ["Phone", "Phone Number", "Telephone", "Tel", "Mobile"] },
  residential: { strong: ["Residential", "Is Residential", "Residential Address"] },
};
for (const [part, { strong, weak = [] }] of Object.entries(ADDRESS_SPELLINGS)) {
  for (const [target, prefixes] of [["shipTo", SHIP_TO_PREFIXES], ["billTo", BILL_TO_PREFIXES]] as const) {
    const field = `${target}.${part}` as FieldKey;
    alias(field, STRONG, prefixes.flatMap((prefix) => strong.map((spelling) => `${prefix} ${spelling}`)));
    alias(field, WEAK, prefixes.flatMap((prefix) => weak.map((spelling) => `${prefix} ${spelling}`)));
  }
  if (part !== "name") alias(`shipTo.${part}` as FieldKey, WEAK, [...strong, ...weak]);
}
alias("shipTo.name", STRONG, ["Recipient"]);
alias("shipTo.name", WEAK, ["Ship To", "Customer Name", "Buyer Name", "Full Name"]);

// Items: every prefix × every spelling of the part, plus the unambiguous spellings on their own ("Qty").
const ITEM_PREFIXES = ["Item", "Line Item", "Lineitem", "Product", "Order Item"];
const ITEM_SPELLINGS: Record<string, { strong: readonly string[]; weak?: readonly string[]; bare?: readonly string[] }> = {
  sku: { strong: ["SKU", "SKU Code"], weak: ["Code", "Number"], bare: ["SKU", "SKU Code"] },
  name: { strong: ["Name", "Title"], weak: ["Description"] },
  quantity: { strong: ["Quantity", "Qty", "Quantity Ordered", "Qty Ordered"], bare: ["Quantity", "Qty", "Quantity Ordered", "Qty Ordered", "Units"] },
  unitPrice: { strong: ["Unit Price", "Price", "Price Each", "Unit Cost", "Cost"], bare: ["Unit Price", "Price", "Price Each", "Price Per Item", "Price Per Unit"] },
  weight: { strong: ["Weight", "Unit Weight"], bare: ["Unit Weight", "Weight Per Item"] },
  imageUrl: { strong: ["Image URL", "Image", "Image Link", "Picture URL", "Photo URL"], bare: ["Image URL", "Image Link", "Picture URL", "Photo URL"] },
  options: { strong: ["Options", "Option", "Variant", "Variation", "Attributes", "Properties"], weak: ["Meta", "Variant Title"], bare: ["Options"] },
};
for (const [part, { strong, weak = [], bare = [] }] of Object.entries(ITEM_SPELLINGS)) {
  const field = `item.${part}` as FieldKey;
  alias(field, STRONG, ITEM_PREFIXES.flatMap((prefix) => strong.map((spelling) => `${prefix} ${spelling}`)));
  alias(field, WEAK, ITEM_PREFIXES.flatMap((prefix) => weak.map((spelling) => `${prefix} ${spelling}`)));
  alias(field, STRONG, bare);
}
alias("item.name", WEAK, ["Item", "Product", "Description"]);
alias("item.options", WEAK, ["Variant", "Variation"]);
alias("item.lineItemKey", STRONG, ["Line Item Key", "Line Item ID", "Lineitem Key", "Lineitem ID", "Order Item ID"]);
alias("item.lineItemKey", WEAK, ["Item ID"]);

// German, French and Spanish shop exports (Shopware, JTL, WooCommerce in those languages, PrestaShop).
alias("orderNumber", STRONG, ["Bestellnummer", "Bestell-Nr", "Auftragsnummer", "Numéro de commande", "N° de commande", "Référence de commande", "Número de pedido", "Nº de pedido", "Pedido"]);
alias("orderNumber", WEAK, ["Commande", "Bestellung"]);
alias("orderDate", STRONG, ["Bestelldatum", "Auftragsdatum", "Date de commande", "Date de la commande", "Fecha del pedido", "Fecha de pedido"]);
alias("orderDate", WEAK, ["Datum", "Fecha"]);
alias("status", STRONG, ["Bestellstatus", "Statut", "Statut de la commande", "État", "Etat de la commande", "Estado del pedido"]);
alias("paymentDate", STRONG, ["Zahlungsdatum", "Bezahlt am", "Date de paiement", "Fecha de pago"]);
alias("customerEmail", STRONG, ["E-Mail-Adresse", "Courriel", "Adresse e-mail", "Adresse électronique", "Correo electrónico", "Correo"]);
alias("amountPaid", STRONG, ["Bezahlter Betrag", "Montant payé", "Importe pagado"]);
alias("taxAmount", STRONG, ["MwSt", "MwSt.", "Mehrwertsteuer", "Steuer", "Steuern", "TVA", "Montant TVA", "IVA", "Impuestos"]);
alias("shippingAmount", STRONG, ["Versandkosten", "Frais de port", "Frais de livraison", "Frais d'expédition", "Gastos de envío", "Coste de envío"]);
alias("orderTotal", STRONG, ["Gesamtbetrag", "Gesamtsumme", "Bestellsumme", "Summe", "Montant total", "Total TTC", "Importe total"]);
alias("currency", STRONG, ["Währung", "Devise", "Monnaie", "Moneda", "Divisa"]);
alias("weight", STRONG, ["Gewicht", "Gesamtgewicht", "Poids", "Poids total", "Peso", "Peso total"]);
alias("weightUnit", STRONG, ["Gewichtseinheit", "Unité de poids", "Unidad de peso"]);
alias("requestedShippingService", STRONG, ["Versandart", "Versandmethode", "Mode de livraison", "Mode d'expédition", "Transporteur", "Método de envío", "Forma de envío"]);
alias("customerNotes", STRONG, ["Kundenkommentar", "Anmerkung", "Bemerkung", "Kommentar", "Commentaire", "Remarque", "Message du client", "Comentario", "Nota del cliente", "Notas"]);
alias("shipTo.name", STRONG, ["Empfänger", "Lieferadresse Name", "Destinataire", "Destinatario"]);
alias("shipTo.name", WEAK, ["Kunde", "Client", "Cliente", "Nom", "Nombre"]);
alias("shipTo.firstName", WEAK, ["Vorname", "Prénom", "Nombre de pila"]);
alias("shipTo.lastName", WEAK, ["Nachname", "Nom de famille", "Apellido", "Apellidos"]);
alias("shipTo.company", WEAK, ["Firma", "Unternehmen", "Société", "Entreprise", "Empresa"]);
alias("shipTo.street1", WEAK, ["Straße", "Strasse", "Straße und Hausnummer", "Adresse", "Rue", "Dirección", "Calle"]);
alias("shipTo.street2", WEAK, ["Adresszusatz", "Complément d'adresse", "Adresse 2", "Dirección 2"]);
alias("shipTo.city", WEAK, ["Stadt", "Ort", "Ville", "Ciudad", "Localidad", "Población"]);
alias("shipTo.state", WEAK, ["Bundesland", "Région", "Département", "Provincia", "Comunidad"]);
alias("shipTo.postalCode", WEAK, ["PLZ", "Postleitzahl", "Code postal", "CP", "Código postal"]);
alias("shipTo.country", WEAK, ["Land", "Pays", "País"]);
alias("shipTo.phone", WEAK, ["Telefon", "Telefonnummer", "Téléphone", "Teléfono"]);
alias("item.sku", STRONG, ["Artikelnummer", "Art.-Nr.", "Référence produit", "Référence article", "Código de producto"]);
alias("item.name", STRONG, ["Artikelname", "Artikelbezeichnung", "Produktname", "Nom du produit", "Nom de l'article", "Nombre del producto"]);
alias("item.name", WEAK, ["Artikel", "Produkt", "Bezeichnung", "Produit", "Article", "Producto", "Artículo"]);
alias("item.quantity", STRONG, ["Menge", "Anzahl", "Stückzahl", "Quantité", "Qté", "Cantidad", "Unidades"]);
alias("item.unitPrice", STRONG, ["Preis", "Einzelpreis", "Stückpreis", "Prix", "Prix unitaire", "Precio", "Precio unitario"]);
alias("item.weight", STRONG, ["Artikelgewicht", "Stückgewicht", "Poids unitaire", "Peso unitario"]);

// ---------------------------------------------------------------------------------------------

/** cyrb53: a fast 53-bit string hash, the same in every JavaScript runtime; not for secrets. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
