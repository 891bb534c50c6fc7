/** An order as a developer's store keeps it, before its Custom Store endpoint renders it as XML. */
export interface FakeStoreOrder {
  orderId: string;
  orderNumber: string;
  orderDate: number;
  /** The store's own status name ("processing", "complete"…), mapped by the merchant when connecting. */
  status: string;
  lastModified: number;
  shippingMethod?: string;
  paymentMethod?: string;
  currencyCode?: string;
  orderTotal: string;
  taxAmount?: string;
  shippingAmount?: string;
  customerNotes?: string;
  internalNotes?: string;
  gift?: boolean;
  giftMessage?: string;
  customerCode: string;
  billTo: { name: string; company?: string; phone?: string; email?: string };
  shipTo: { name: string; company?: string; address1: string; address2?: string; city: string; state: string; postalCode: string; country: string; phone?: string };
  items: FakeStoreItem[];
}

export interface FakeStoreItem {
  lineItemId?: string;
  sku: string;
  name: string;
  imageUrl?: string;
  weight?: string;
  weightUnits?: string;
  quantity: number;
  unitPrice: string;
  location?: string;
  options?: { name: string; value: string }[];
  adjustment?: boolean;
}

export type DateStyle = "12h" | "24h";

const FIRST_NAMES = ["Ada", "Bruno", "Chiara", "Dmitri", "Esi", "Farah", "Goran", "Hana"];
const CITIES: [string, string, string][] = [["Austin", "TX", "78704"], ["Duluth", "MN", "55802"], ["Savannah", "GA", "31401"], ["Tacoma", "WA", "98403"]];

/** A plausible order numbered `n`; `overrides` win. */
export function makeStoreOrder(n: number, at: number, overrides: Partial<FakeStoreOrder> = {}): FakeStoreOrder {
  const name = `${FIRST_NAMES[n % FIRST_NAMES.length]} Tester${n}`;
  const [city, state, postalCode] = CITIES[n % CITIES.length];
  const quantity = 1 + (n % 3);
  return {
    orderId: String(7000 + n),
    orderNumber: `CS-${7000 + n}`,
    orderDate: at,
    status: "paid",
    lastModified: at,
    shippingMethod: "UPS Ground",
    paymentMethod: "PayPal",
    currencyCode: "USD",
    orderTotal: (quantity * 12.5 + 6).toFixed(2),
    taxAmount: "0.00",
    shippingAmount: "6.00",
    customerCode: `customer${n}@example.com`,
    billTo: { name, email: `customer${n}@example.com`, phone: "555-0100" },
    shipTo: { name, address1: `${100 + n} Main St`, city, state, postalCode, country: "US" },
    items: [{ lineItemId: `${7000 + n}-1`, sku: `SKU-${n}`, name: `Widget no. ${n}`, weight: "8", weightUnits: "Ounces", quantity, unitPrice: "12.50" }],
    ...overrides,
  };
}

/** `MM/dd/yyyy HH:mm` (24h) or `M/d/yyyy h:mm tt` (12h), UTC: the two notations the guide allows. */
export function renderStoreDate(epochMs: number, style: DateStyle): string {
  const d = new Date(epochMs);
  const two = (value: number) => String(value).padStart(2, "0");
  if (style === "24h") return `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  const hour = d.getUTCHours() % 12 || 12;
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${hour}:${two(d.getUTCMinutes())} ${d.getUTCHours() < 12 ? "AM" : "PM"}`;
}

/** The export answer: `<Orders pages="N">` with one <Order> per order, free text in CDATA as the guide asks. */
export function renderExport(orders: FakeStoreOrder[], pages: number | null, style: DateStyle): string {
  const root = pages === null ? "<Orders>" : `<Orders pages="${pages}">`;
  if (orders.length === 0) return `<?xml version="1.0" encoding="utf-8"?>\n${pages === null ? "<Orders />" : root.replace(">", " />")}\n`;
  return `<?xml version="1.0" encoding="utf-8"?>\n${root}\n${orders.map((order) => renderOrder(order, style)).join("")}</Orders>\n`;
}

function renderOrder(order: FakeStoreOrder, style: DateStyle): string {
  const { billTo, shipTo } = order;
  return `  <Order>
    ${el("OrderID", order.orderId)}${el("OrderNumber", order.orderNumber)}
    <OrderDate>${renderStoreDate(order.orderDate, style)}</OrderDate>
    ${el("OrderStatus", order.status)}
    <LastModified>${renderStoreDate(order.lastModified, style)}</LastModified>
    ${el("ShippingMethod", order.shippingMethod)}${el("PaymentMethod", order.paymentMethod)}${plain("CurrencyCode", order.currencyCode)}
    ${plain("OrderTotal", order.orderTotal)}${plain("TaxAmount", order.taxAmount)}${plain("ShippingAmount", order.shippingAmount)}
    ${el("CustomerNotes", order.customerNotes)}${el("InternalNotes", order.internalNotes)}${plain("Gift", order.gift === undefined ? undefined : String(order.gift))}${el("GiftMessage", order.giftMessage)}
    <Customer>
      ${el("CustomerCode", order.customerCode)}
      <BillTo>${el("Name", billTo.name)}${el("Company", billTo.company)}${el("Phone", billTo.phone)}${el("Email", billTo.email)}</BillTo>
      <ShipTo>${el("Name", shipTo.name)}${el("Company", shipTo.company)}${el("Address1", shipTo.address1)}${el("Address2", shipTo.address2)}${el("City", shipTo.city)}${el("State", shipTo.state)}${el("PostalCode", shipTo.postalCode)}${plain("Country", shipTo.country)}${el("Phone", shipTo.phone)}</ShipTo>
    </Customer>
    <Items>
${order.items.map(renderItem).join("")}    </Items>
  </Order>
`;
}

function renderItem(item: FakeStoreItem): string {
  const options = item.options?.length
    ? `<Options>${item.options.map((option) => `<Option>${el("Name", option.name)}${el("Value", option.value)}</Option>`).join("")}</Options>`
    : "";
  return `      <Item>${el("LineItemID", item.lineItemId)}${el("SKU", item.sku)}${el("Name", item.name)}${el("ImageUrl", item.imageUrl)}${plain("Weight", item.weight)}${plain("WeightUnits", item.weightUnits)}<Quantity>${item.quantity}</Quantity>${plain("UnitPrice", item.unitPrice)}${el("Location", item.location)}${plain("Adjustment", item.adjustment === undefined ? undefined : String(item.adjustment))}${options}</Item>\n`;
}

/** Free text in CDATA; a "]]>" inside is split across two sections, as XML writers do. */
function el(name: string, value: string | undefined): string {
  if (value === undefined) return "";
  return value === "" ? `<${name}/>` : `<${name}><![CDATA[${value.replaceAll("]]>", "]]]]><![CDATA[>")}]]></${name}>`;
}

function plain(name: string, value: string | undefined): string {
  if (value === undefined) return "";
  return `<${name}>${value.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</${name}>`;
}
