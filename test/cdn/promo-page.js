// 48 products, each with a <flexiti-promo> reading the plans from one endpoint (a static file stands in for the
// handler's GET form-values route). ?lang=fr-CA shows the page in French.
const params = new URLSearchParams(location.search);
if (params.get('lang')) document.documentElement.lang = params.get('lang');
const grid = document.getElementById('grid');
for (let index = 0; index < 48; index++) {
  const product = document.createElement('article');
  const price = document.createElement('p');
  const amount = 100 + index * 25;
  price.textContent = `${amount}.00 $`;
  const promo = document.createElement('flexiti-promo');
  promo.setAttribute('endpoint', '/test/cdn/promo-api');
  promo.setAttribute('amount', String(amount));
  product.append(price, promo);
  grid.append(product);
}
