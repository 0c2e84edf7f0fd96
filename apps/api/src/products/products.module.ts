import { Module } from '@nestjs/common';
import { ProductController } from './product.controller';
import { ListLibraryHandler } from './product.handlers';

/** 服务产品和案例库: products (versions, retirement), cases, and the public catalogue. */
@Module({
  controllers: [ProductController],
  providers: [ListLibraryHandler],
})
export class ProductsModule {}
