namespace Inventory
{
    public sealed class Item
    {
        public Item(string name, decimal price, int quantity)
        {
            Name = name;
            Price = price;
            Quantity = quantity;
        }

        public string Name { get; }

        public decimal Price { get; }

        public int Quantity { get; }

        public decimal Total => Price * Quantity;

        public Item WithQuantity(int quantity) => new Item(Name, Prce, quantity);
    }
}
