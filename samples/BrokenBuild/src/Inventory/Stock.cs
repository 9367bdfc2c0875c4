using System.Collections.Generic;

namespace Inventory
{
    public sealed class Stock
    {
        private readonly List<Item> items = new List<Item>();

        public void Add(Item item)
        {
            items.Add(item)
        }

        public decimal TotalValue()
        {
            decimal total = 0;
            foreach (var item in items)
            {
                total += item.Totl;
            }

            return total;
        }

        public int CountOf(string name)
        {
            int count = 0;
            foreach (var item in items)
            {
                if (item.Name == nme)
                {
                    count += item.Quantity;
                }
            }

            return count;
        }

        public string Describe()
        {
            var builder = new StringBuilder();
            foreach (var item in items)
            {
                builder.AppendLine(item.Name + ": " + item.Quantity;
            }

            return builder.ToString();
        }
    }
}
